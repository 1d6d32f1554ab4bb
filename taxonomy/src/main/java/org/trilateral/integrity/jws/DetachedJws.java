package org.trilateral.integrity.jws;

import java.nio.charset.StandardCharsets;
import org.trilateral.integrity.jcs.JsonCanonicalizer;
import org.trilateral.integrity.jcs.StrictJson;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JWS shape the exchange uses: detached, unencoded payload (RFC 7797 with RFC 7515 §7.2 flattened members
 * {@code protected} and {@code signature}, no {@code payload}).
 */
public final class DetachedJws {

    public static final String B64 = "b64";

    private DetachedJws() {
    }

    /**
     * The protected header {@code {"alg":…,"b64":false,"crit":["b64"],"kid":…}}, in canonical member order so
     * that the same key always produces the same header. RFC 7797 §6 requires {@code b64} to be listed in
     * {@code crit}, so that a verifier unaware of RFC 7797 refuses the signature instead of misreading it.
     */
    public static String protectedHeader(JwsAlgorithm algorithm, String kid) {
        ObjectNode header = StrictJson.mapper().createObjectNode();
        header.put("alg", algorithm.headerValue());
        header.put(B64, false);
        header.putArray("crit").add(B64);
        header.put("kid", kid);
        return Base64Url.encode(JsonCanonicalizer.canonicalize(header));
    }

    /** RFC 7797 §3: ASCII(BASE64URL(UTF8(JWS Protected Header))) || '.' || JWS Payload, the payload unencoded. */
    public static byte[] signingInput(String encodedProtectedHeader, byte[] payload) {
        byte[] header = encodedProtectedHeader.getBytes(StandardCharsets.US_ASCII);
        byte[] input = new byte[header.length + 1 + payload.length];
        System.arraycopy(header, 0, input, 0, header.length);
        input[header.length] = '.';
        System.arraycopy(payload, 0, input, header.length + 1, payload.length);
        return input;
    }
}
