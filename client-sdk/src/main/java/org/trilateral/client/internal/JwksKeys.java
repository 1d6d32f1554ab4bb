package org.trilateral.client.internal;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.trilateral.taxonomy.signature.Jwk;
import org.trilateral.taxonomy.signature.JwkFormatException;
import org.trilateral.taxonomy.signature.JwkLookup;
import tools.jackson.databind.JsonNode;

/**
 * The publishers' public keys from the exchange's JWKS document (RFC 7517 §5), by kid (the RFC 7638 thumbprint,
 * recomputed here rather than trusted from the document). Fetched on first use and again when a kid is unknown,
 * at most once per {@code minRefresh}, so a member's new key is found without hammering the server. Thread-safe.
 */
public final class JwksKeys implements JwkLookup {

    private final Transport transport;
    private final URI jwksUrl;
    private final Duration minRefresh;
    private final boolean authenticated;
    private Map<String, Jwk> keys;
    private Instant fetchedAt = Instant.MIN;

    /**
     * @param authenticated whether the access token is sent: the exchange serves its JWKS to members only, while a
     *     JWKS elsewhere must not receive the exchange's token
     */
    public JwksKeys(Transport transport, URI jwksUrl, Duration minRefresh, boolean authenticated) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.jwksUrl = Objects.requireNonNull(jwksUrl, "jwksUrl");
        this.minRefresh = Objects.requireNonNull(minRefresh, "minRefresh");
        this.authenticated = authenticated;
    }

    /**
     * @throws org.trilateral.client.ExchangeException when the JWKS cannot be fetched or parsed
     */
    @Override
    public synchronized Optional<Jwk> find(String kid) {
        if (keys == null || (!keys.containsKey(kid)
                && !transport.clock().instant().isBefore(fetchedAt.plus(minRefresh)))) {
            keys = fetch();
            fetchedAt = transport.clock().instant();
        }
        return Optional.ofNullable(keys.get(kid));
    }

    private Map<String, Jwk> fetch() {
        HttpCall call = HttpCall.get(jwksUrl, "application/jwk-set+json, application/json");
        JsonNode document = transport.send(authenticated ? call : call.anonymous()).json();
        JsonNode array = document.get("keys");
        if (array == null || !array.isArray()) {
            throw new org.trilateral.client.ServerException("the JWKS at " + jwksUrl + " has no \"keys\" array", (Throwable) null);
        }
        Map<String, Jwk> byKid = new HashMap<>();
        for (JsonNode element : array) {
            try {
                Jwk jwk = Jwk.fromJson(element);
                byKid.put(jwk.thumbprint(), jwk);
            } catch (JwkFormatException ignored) {
                // RFC 7517 §5: a key of a type or curve the client does not support is skipped, not fatal.
            }
        }
        return Map.copyOf(byKid);
    }
}
