package org.trilateral.client;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.trilateral.integrity.oprf.Element;
import org.trilateral.taxonomy.persona.KeyEpoch;

/**
 * The exchange's published persona-token keys ({@code GET /.well-known/persona-token-keys.json}): the public key of
 * every epoch it still answers, and which one is current.
 *
 * @param current the epoch new tokens are made in
 * @param publicKeys the public key of each epoch still answered
 */
public record PersonaTokenKeySet(KeyEpoch current, Map<KeyEpoch, Element> publicKeys) {

    public PersonaTokenKeySet {
        Objects.requireNonNull(current, "current");
        publicKeys = Collections.unmodifiableMap(new TreeMap<>(publicKeys));
        if (!publicKeys.containsKey(current)) {
            throw new IllegalArgumentException("the key set has no key of its current epoch " + current);
        }
    }
}
