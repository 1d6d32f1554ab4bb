package org.trilateral.exchange.delivery.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.trilateral.integrity.jcs.JsonCanonicalizer;
import org.trilateral.integrity.jcs.StrictJson;
import org.trilateral.integrity.jws.Base64Url;
import org.trilateral.integrity.jws.SigningKey;
import tools.jackson.databind.node.ObjectNode;

/**
 * The signature of a delivery (docs/delivery.md#webhooks): a JWS with a detached payload (RFC 7515 Appendix F),
 * {@code BASE64URL(header)..BASE64URL(signature)}, over the body as sent. The protected header binds the signature to
 * the endpoint, the idempotency key and the time of signing, so a captured delivery cannot be replayed to another
 * endpoint, passed off as another batch, or replayed much later.
 */
final class DeliverySignature {

    /** The header that carries the JWS. */
    static final String HEADER = "Exchange-Signature";
    /** The header that names the endpoint. */
    static final String ENDPOINT_HEADER = "Exchange-Webhook";
    /** The header that carries the idempotency key. */
    static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    /** The JWS {@code typ} of a delivery (RFC 7515 §4.1.9). */
    static final String TYPE = "exchange-webhook+jws";

    private DeliverySignature() {
    }

    /**
     * The compact JWS of {@code body}: protected header
     * {@code {"alg":"EdDSA","iat":…,"idempotency_key":…,"kid":…,"typ":"exchange-webhook+jws","webhook":…}} (canonical
     * member order), signing input {@code ASCII(BASE64URL(header) '.' BASE64URL(body))} (RFC 7515 §5.1).
     */
    static String sign(SigningKey key, String endpointId, String idempotencyKey, Instant signedAt, byte[] body) {
        ObjectNode header = StrictJson.mapper().createObjectNode();
        header.put("alg", key.algorithm().headerValue());
        header.put("kid", key.kid());
        header.put("typ", TYPE);
        header.put("iat", signedAt.getEpochSecond());
        header.put("webhook", endpointId);
        header.put("idempotency_key", idempotencyKey);
        String encodedHeader = Base64Url.encode(JsonCanonicalizer.canonicalize(header));
        byte[] input = (encodedHeader + "." + Base64Url.encode(body)).getBytes(StandardCharsets.US_ASCII);
        return encodedHeader + ".." + Base64Url.encode(key.sign(input));
    }
}
