package org.trilateral.client.internal;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.trilateral.integrity.jws.Jwk;
import org.trilateral.integrity.jws.JwkFormatException;
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
    private Map<String, KeyRegistration> registrations = Map.of();
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

    /**
     * What the exchange's JWKS says of a key it listed: whose it is and whether it was revoked (the exchange's
     * {@code x-identity}, {@code x-revoked-at}, {@code x-revoked-reason} members). Empty for keys the JWKS did not
     * describe (for example a JWKS hosted by someone else).
     */
    public synchronized Optional<KeyRegistration> registration(String kid) {
        return Optional.ofNullable(registrations.get(kid));
    }

    /** A key's owner and revocation as the exchange's JWKS states them. */
    public record KeyRegistration(Optional<String> identity, Optional<Instant> revokedAt, Optional<String> revokedReason) {
    }

    private Map<String, Jwk> fetch() {
        HttpCall call = HttpCall.get(jwksUrl, "application/jwk-set+json, application/json");
        JsonNode document = transport.send(authenticated ? call : call.anonymous()).json();
        JsonNode array = document.get("keys");
        if (array == null || !array.isArray()) {
            throw new org.trilateral.client.ServerException("the JWKS at " + jwksUrl + " has no \"keys\" array", (Throwable) null);
        }
        Map<String, Jwk> byKid = new HashMap<>();
        Map<String, KeyRegistration> described = new HashMap<>();
        for (JsonNode element : array) {
            try {
                Jwk jwk = Jwk.fromJson(element);
                byKid.put(jwk.thumbprint(), jwk);
                described.put(jwk.thumbprint(), new KeyRegistration(text(element, "x-identity"),
                        text(element, "x-revoked-at").map(Instant::parse), text(element, "x-revoked-reason")));
            } catch (JwkFormatException ignored) {
                // RFC 7517 §5: a key of a type or curve the client does not support is skipped, not fatal.
            }
        }
        registrations = Map.copyOf(described);
        return Map.copyOf(byKid);
    }

    private static Optional<String> text(JsonNode element, String name) {
        JsonNode value = element.get(name);
        return value != null && value.isString() && !value.stringValue().isBlank()
                ? Optional.of(value.stringValue()) : Optional.empty();
    }
}
