package org.trilateral.integrity.jws;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.trilateral.integrity.jcs.StrictJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A member's public signing key as a JWK (RFC 7517): an OKP Ed25519 key (RFC 8037 §2) or an EC P-256 key
 * (RFC 7518 §6.2). Immutable and thread-safe. The key is decoded and validated once, when the value is made,
 * and the decoded form is kept, so verifying many signatures with the same {@code Jwk} does no decoding. Two
 * JWKs are equal when their RFC 7638 thumbprints are.
 */
public final class Jwk {

    private static final int ED25519_KEY_BYTES = 32;
    private static final int SIGNATURE_BYTES = 64;

    private final JwsAlgorithm algorithm;
    private final byte[] x;
    private final byte[] y;
    private final String thumbprint;
    private final Ed25519PublicKeyParameters ed25519Key;
    private final ECPublicKeyParameters p256Key;

    private Jwk(JwsAlgorithm algorithm, byte[] x, byte[] y) {
        this.algorithm = algorithm;
        this.x = x.clone();
        this.y = y == null ? null : y.clone();
        if (algorithm == JwsAlgorithm.EDDSA) {
            if (x.length != ED25519_KEY_BYTES) {
                throw new JwkFormatException("the OKP JWK member \"x\" is " + x.length
                        + " bytes; an Ed25519 public key is " + ED25519_KEY_BYTES + " (RFC 8037 §2)");
            }
            try {
                this.ed25519Key = new Ed25519PublicKeyParameters(this.x);
            } catch (IllegalArgumentException e) {
                throw new JwkFormatException("the OKP JWK member \"x\" is not an Ed25519 point: " + e.getMessage(), e);
            }
            this.p256Key = null;
        } else {
            this.p256Key = P256.publicKey(this.x, this.y);
            this.ed25519Key = null;
        }
        this.thumbprint = computeThumbprint();
    }

    /** An Ed25519 public key from its 32-byte encoding (RFC 8032 §5.1.5). */
    public static Jwk ed25519(byte[] x) {
        return new Jwk(JwsAlgorithm.EDDSA, x, null);
    }

    /** A P-256 public key from its two 32-byte big-endian coordinates. */
    public static Jwk p256(byte[] x, byte[] y) {
        return new Jwk(JwsAlgorithm.ES256, x, y);
    }

    /** Parses a public JWK from JSON text (read with {@code StrictJson.mapper()}, so duplicate members are refused). */
    public static Jwk parse(String json) {
        JsonNode node;
        try {
            node = StrictJson.mapper().readTree(json);
        } catch (JacksonException e) {
            throw new JwkFormatException("the JWK is not valid JSON: " + e.getOriginalMessage(), e);
        }
        return fromJson(node);
    }

    /**
     * Reads a public JWK. Members other than {@code kty}, {@code crv}, {@code x}, {@code y} are ignored (RFC 7517
     * §4), except {@code d}: a private key must never be handled as a public one.
     *
     * @throws JwkFormatException naming the member that is missing, malformed or unsupported
     */
    public static Jwk fromJson(JsonNode jwk) {
        if (jwk == null || !jwk.isObject()) {
            throw new JwkFormatException("a JWK must be a JSON object");
        }
        if (jwk.has("d")) {
            throw new JwkFormatException("the JWK carries the private member \"d\"; a public JWK must not");
        }
        String kty = requiredString(jwk, "kty");
        String crv = requiredString(jwk, "crv");
        if (kty.equals("OKP") && crv.equals("Ed25519")) {
            return ed25519(requiredBytes(jwk, "x"));
        }
        if (kty.equals("EC") && crv.equals("P-256")) {
            return p256(requiredBytes(jwk, "x"), requiredBytes(jwk, "y"));
        }
        throw new JwkFormatException("unsupported JWK key type \"" + kty + "\" with curve \"" + crv
                + "\"; the exchange accepts OKP/Ed25519 and EC/P-256");
    }

    /** The public JWK: {@code kty}, {@code crv}, {@code x}, {@code y} for EC, plus {@code kid} (the thumbprint). */
    public ObjectNode toJson() {
        ObjectNode jwk = StrictJson.mapper().createObjectNode();
        jwk.put("kty", algorithm == JwsAlgorithm.EDDSA ? "OKP" : "EC");
        jwk.put("crv", algorithm == JwsAlgorithm.EDDSA ? "Ed25519" : "P-256");
        jwk.put("x", Base64Url.encode(x));
        if (y != null) {
            jwk.put("y", Base64Url.encode(y));
        }
        jwk.put("kid", thumbprint);
        return jwk;
    }

    /** The RFC 7638 JWK thumbprint: base64url SHA-256 of the required members in lexicographic order (§3.2). */
    public String thumbprint() {
        return thumbprint;
    }

    /** The JWS algorithm this key signs with: {@code EdDSA} for Ed25519, {@code ES256} for P-256. */
    public JwsAlgorithm algorithm() {
        return algorithm;
    }

    /**
     * Checks a raw JWS signature (RFC 7515 §5.2 step 8) over {@code signingInput}: 64 bytes, Ed25519 per RFC 8032
     * §5.1.7 or ECDSA R || S per RFC 7518 §3.4. Returns false for a signature of the wrong length.
     */
    public boolean verify(byte[] signingInput, byte[] signature) {
        if (signature.length != SIGNATURE_BYTES) {
            return false;
        }
        if (ed25519Key != null) {
            return ed25519Key.verify(Ed25519.Algorithm.Ed25519, null, signingInput, 0, signingInput.length,
                    signature, 0);
        }
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, 32));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, p256Key);
        return verifier.verifySignature(sha256(signingInput), r, s);
    }

    static byte[] sha256(byte[] input) {
        SHA256Digest digest = new SHA256Digest();
        digest.update(input, 0, input.length);
        byte[] hash = new byte[digest.getDigestSize()];
        digest.doFinal(hash, 0);
        return hash;
    }

    private String computeThumbprint() {
        String members = y == null
                ? "{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"" + Base64Url.encode(x) + "\"}"
                : "{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"" + Base64Url.encode(x) + "\",\"y\":\""
                        + Base64Url.encode(y) + "\"}";
        try {
            return Base64Url.encode(MessageDigest.getInstance("SHA-256")
                    .digest(members.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }

    static String requiredString(JsonNode jwk, String member) {
        JsonNode value = jwk.get(member);
        if (value == null || !value.isString()) {
            throw new JwkFormatException("the JWK member \"" + member + "\" is missing or not a string");
        }
        return value.stringValue();
    }

    static byte[] requiredBytes(JsonNode jwk, String member) {
        try {
            return Base64Url.decode(requiredString(jwk, member), "the JWK member \"" + member + "\"");
        } catch (IllegalArgumentException e) {
            throw new JwkFormatException(e.getMessage(), e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Jwk that && thumbprint.equals(that.thumbprint);
    }

    @Override
    public int hashCode() {
        return thumbprint.hashCode();
    }

    @Override
    public String toString() {
        return "Jwk[" + algorithm.headerValue() + ", kid=" + thumbprint + "]";
    }
}
