package org.trilateral.taxonomy.signature;

import java.util.Optional;
import org.trilateral.integrity.jws.Jwk;

/**
 * Finds a member's public key by its kid (RFC 7638 thumbprint). Implementations should return the same
 * {@link Jwk} instance for repeated lookups, so that the decoded key is reused across verifications.
 */
@FunctionalInterface
public interface JwkLookup {

    /** The key registered under {@code kid}, or empty when none is. */
    Optional<Jwk> find(String kid);
}
