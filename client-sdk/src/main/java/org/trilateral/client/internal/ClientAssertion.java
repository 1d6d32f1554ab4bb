package org.trilateral.client.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.trilateral.integrity.jws.SigningKey;
import org.trilateral.taxonomy.stix.StixJson;
import tools.jackson.databind.node.ObjectNode;

/**
 * The signed JWT a client presents instead of a secret ({@code private_key_jwt}): RFC 7523 §2.2 and §3, with the
 * claims OpenID Connect Core §9 requires. Written by hand (compact JWS, RFC 7515 §7.1) so the SDK needs no JOSE
 * library; the signature is the taxonomy's EdDSA or ES256.
 */
public final class ClientAssertion {

    /** The {@code client_assertion_type} value of RFC 7523 §2.2. */
    public static final String TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    private static final long LIFETIME_SECONDS = 120;

    private ClientAssertion() {
    }

    /** A fresh assertion: iss = sub = client id, aud = token endpoint, a random jti, valid two minutes from now. */
    public static String create(String clientId, URI tokenEndpoint, SigningKey key, Instant now) {
        ObjectNode header = StixJson.mapper().createObjectNode()
                .put("alg", key.algorithm().headerValue())
                .put("kid", key.kid())
                .put("typ", "JWT");
        long issuedAt = now.getEpochSecond();
        ObjectNode claims = StixJson.mapper().createObjectNode()
                .put("iss", clientId)
                .put("sub", clientId)
                .put("aud", tokenEndpoint.toString())
                .put("jti", UUID.randomUUID().toString())
                .put("iat", issuedAt)
                .put("exp", issuedAt + LIFETIME_SECONDS);
        String signingInput = encode(header) + "." + encode(claims);
        byte[] signature = key.sign(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    }

    private static String encode(ObjectNode json) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(StixJson.mapper().writeValueAsString(json).getBytes(StandardCharsets.UTF_8));
    }
}
