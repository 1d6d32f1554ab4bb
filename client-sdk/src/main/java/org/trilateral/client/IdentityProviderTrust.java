package org.trilateral.client;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A national identity provider whose key attestations the SDK accepts as proof that a member's first key is the
 * member's (docs/integrity.md, "Keys are proven by the log and by the member"). Its signing keys are pinned here,
 * as the provider publishes them (its JWKS), never fetched through the exchange.
 *
 * @param name the name the exchange gives the issuer in its member registry (e.g. {@code jp}): subjects bound to
 *     members in the log's admin events are matched with it
 * @param issuer the exact {@code iss} of its tokens
 * @param keys its public signing keys as JWK objects (RSA, EC P-256 or Ed25519)
 * @param memberClaim a claim whose value is the member's id (e.g. {@code azp} where each member's client is named
 *     after it), if the provider issues one; otherwise the token's {@code sub} must be a subject bound to the member
 */
public record IdentityProviderTrust(String name, String issuer, List<JsonNode> keys, Optional<String> memberClaim) {

    public IdentityProviderTrust {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(issuer, "issuer");
        keys = keys.stream().map(JsonNode::deepCopy).toList();
        Objects.requireNonNull(memberClaim, "memberClaim");
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("identity provider " + issuer + " needs at least one pinned key");
        }
    }

    /** Reads pinned keys from a JWKS document ({@code {"keys":[…]}}). */
    public static IdentityProviderTrust of(String name, String issuer, JsonNode jwks, Optional<String> memberClaim) {
        JsonNode keys = jwks.path("keys");
        if (!keys.isArray()) {
            throw new IllegalArgumentException("the JWKS of " + issuer + " has no \"keys\" list");
        }
        List<JsonNode> list = new java.util.ArrayList<>();
        keys.forEach(list::add);
        return new IdentityProviderTrust(name, issuer, list, memberClaim);
    }
}
