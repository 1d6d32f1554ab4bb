package org.trilateral.integrity.jws;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.trilateral.integrity.jcs.JsonCanonicalizer;
import org.trilateral.integrity.jcs.StrictJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
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

    /**
     * Signs {@code payload} with {@code key}: the JWS compact serialisation with a detached, unencoded payload,
     * {@code <protected>..<signature>} (RFC 7515 Appendix F, RFC 7797).
     */
    public static String signCompact(SigningKey key, byte[] payload) {
        String header = protectedHeader(key.algorithm(), key.kid());
        return header + ".." + Base64Url.encode(key.sign(signingInput(header, payload)));
    }

    /** The {@code kid} of a compact detached JWS's protected header, or empty when it cannot be read. */
    public static Optional<String> kidOf(String compactDetached) {
        try {
            JsonNode kid = header(compactDetached).get("kid");
            return kid != null && kid.isString() ? Optional.of(kid.stringValue()) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Checks a compact detached JWS ({@code <protected>..<signature>}) over {@code payload} with {@code key}: the
     * header names the key's algorithm and thumbprint as {@code kid}, has {@code b64: false} listed in {@code crit}
     * (RFC 7797 §3, §6), and the signature verifies.
     *
     * @return empty when it verifies, else why not
     */
    public static Optional<String> verifyCompact(String compactDetached, byte[] payload, Jwk key) {
        String[] parts = compactDetached.split("\\.", -1);
        if (parts.length != 3 || !parts[1].isEmpty()) {
            return Optional.of("is not a JWS with a detached payload (<protected>..<signature>)");
        }
        JsonNode header;
        try {
            header = header(compactDetached);
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        if (!key.algorithm().headerValue().equals(header.path("alg").asString(""))) {
            return Optional.of("names alg " + header.path("alg") + ", not the key's " + key.algorithm().headerValue());
        }
        if (!key.thumbprint().equals(header.path("kid").asString(""))) {
            return Optional.of("names kid " + header.path("kid") + ", not the key's " + key.thumbprint());
        }
        JsonNode b64 = header.get(B64);
        JsonNode crit = header.get("crit");
        if (b64 == null || !b64.isBoolean() || b64.booleanValue() || crit == null || !crit.isArray()
                || crit.size() != 1 || !B64.equals(crit.get(0).stringValue(null))) {
            return Optional.of("must have \"b64\": false listed in \"crit\" (RFC 7797 §3, §6)");
        }
        byte[] signature;
        try {
            signature = Base64Url.decode(parts[2], "the signature");
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        return key.verify(signingInput(parts[0], payload), signature) ? Optional.empty()
                : Optional.of("does not verify with key " + key.thumbprint());
    }

    private static JsonNode header(String compactDetached) {
        int dot = compactDetached.indexOf('.');
        if (dot <= 0) {
            throw new IllegalArgumentException("has no protected header");
        }
        byte[] json = Base64Url.decode(compactDetached.substring(0, dot), "the protected header");
        try {
            JsonNode header = StrictJson.mapper().readTree(new String(json, StandardCharsets.UTF_8));
            if (!header.isObject()) {
                throw new IllegalArgumentException("has a protected header that is not a JSON object");
            }
            return header;
        } catch (JacksonException e) {
            throw new IllegalArgumentException("has a protected header that is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
