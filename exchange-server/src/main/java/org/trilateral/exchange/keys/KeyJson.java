package org.trilateral.exchange.keys;

import java.time.Instant;
import java.util.Optional;
import org.trilateral.exchange.error.Refusal;
import org.trilateral.integrity.jws.Jwk;
import org.trilateral.integrity.log.KeyProof;
import org.trilateral.integrity.log.LeafFormatException;
import org.trilateral.integrity.jws.JwkFormatException;
import org.trilateral.taxonomy.stix.StixJson;
import org.trilateral.taxonomy.stix.StixTimestamp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The JSON forms of keys: admin API requests and answers, and entries of the JWKS document. */
final class KeyJson {

    private KeyJson() {
    }

    /** A key as the admin API shows it. */
    static ObjectNode render(MemberKey key) {
        ObjectNode json = StixJson.mapper().createObjectNode();
        json.put("kid", key.kid());
        json.put("member", key.member().value());
        json.put("alg", key.jwk().algorithm().headerValue());
        json.set("jwk", key.jwk().toJson());
        json.put("not_before", StixTimestamp.formatMicros(key.notBefore()));
        if (key.notAfter() != null) {
            json.put("not_after", StixTimestamp.formatMicros(key.notAfter()));
        }
        if (key.revoked()) {
            json.put("revoked_at", StixTimestamp.formatMicros(key.revokedAt()));
            json.put("revoked_reason", key.revokedReason());
        }
        json.put("created", StixTimestamp.formatMicros(key.created()));
        return json;
    }

    /**
     * An entry of the JWKS document (RFC 7517 §5): the public JWK with {@code kid}, {@code alg}, {@code use} and the
     * exchange's own members ({@code x-member}, {@code x-identity}, validity and revocation), so a consumer can tell
     * offline which key a member could sign with when.
     */
    static ObjectNode jwks(MemberKeyStore.PublishedKey published) {
        MemberKey key = published.key();
        ObjectNode json = key.jwk().toJson();
        json.put("alg", key.jwk().algorithm().headerValue());
        json.put("use", "sig");
        json.put("x-member", key.member().value());
        json.put("x-identity", published.identityId());
        json.put("x-not-before", StixTimestamp.formatMicros(key.notBefore()));
        if (key.notAfter() == null) {
            json.putNull("x-not-after");
        } else {
            json.put("x-not-after", StixTimestamp.formatMicros(key.notAfter()));
        }
        if (key.revoked()) {
            json.put("x-revoked-at", StixTimestamp.formatMicros(key.revokedAt()));
            json.put("x-revoked-reason", key.revokedReason());
        } else {
            json.putNull("x-revoked-at");
            json.putNull("x-revoked-reason");
        }
        return json;
    }

    /** The public JWK of a registration request; a private key ({@code d}) is refused, and never echoed. */
    static Jwk jwk(JsonNode body) {
        JsonNode jwk = body.get("jwk");
        if (jwk == null || !jwk.isObject()) {
            throw Refusal.invalid("jwk", "\"jwk\" must be the public key as a JWK object (RFC 7517)");
        }
        if (jwk.has("d")) {
            throw Refusal.invalid("jwk", "the JWK carries the private member \"d\": register the public key only,"
                    + " and treat this private key as disclosed");
        }
        try {
            Jwk parsed = Jwk.fromJson(jwk);
            JsonNode kid = jwk.get("kid");
            if (kid != null && !(kid.isString() && kid.stringValue().equals(parsed.thumbprint()))) {
                throw Refusal.invalid("jwk", "the JWK's kid " + kid + " is not its RFC 7638 thumbprint "
                        + parsed.thumbprint() + "; omit kid or set it to the thumbprint");
            }
            return parsed;
        } catch (JwkFormatException e) {
            throw Refusal.invalid("jwk", e.getMessage());
        }
    }

    /** An optional RFC 3339 UTC timestamp member, as written (it is part of the statement a member signs). */
    static Optional<String> timestampText(JsonNode body, String member) {
        Optional<Instant> parsed = timestamp(body, member);
        return parsed.map(instant -> body.get(member).stringValue());
    }

    /** The member's proof of a registration ({@code proof}: {@code pop} and {@code authorization}), if given. */
    static Optional<KeyProof> proof(JsonNode body) {
        JsonNode proof = body.get("proof");
        if (proof == null || proof.isNull()) {
            return Optional.empty();
        }
        try {
            return Optional.of(KeyProof.parse(proof));
        } catch (LeafFormatException e) {
            throw Refusal.invalid("proof", "\"proof\" is not a key registration proof (docs/transparency-log.md,"
                    + " \"Key events\"): " + e.getMessage());
        }
    }

    /** An optional RFC 3339 UTC timestamp member. */
    static Optional<Instant> timestamp(JsonNode body, String member) {
        JsonNode value = body.get(member);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isString()) {
            throw Refusal.invalid(member, "\"" + member + "\" must be an RFC 3339 UTC timestamp string");
        }
        try {
            return Optional.of(StixTimestamp.parse(value.stringValue()));
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid(member, "\"" + member + "\": " + e.getMessage());
        }
    }
}
