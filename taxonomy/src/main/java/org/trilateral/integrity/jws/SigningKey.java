package org.trilateral.integrity.jws;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.bouncycastle.util.BigIntegers;
import org.trilateral.integrity.jcs.StrictJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A member's private signing key with its public {@link Jwk}. Immutable and thread-safe. ES256 signatures are
 * deterministic (RFC 6979 nonces), as Ed25519 ones are by construction, so signing needs no randomness.
 * {@link #toString()} never shows the private key.
 */
public final class SigningKey {

    private final Jwk publicKey;
    private final Ed25519PrivateKeyParameters ed25519Key;
    private final Ed25519PublicKeyParameters ed25519PublicKey;
    private final ECPrivateKeyParameters p256Key;

    private SigningKey(Ed25519PrivateKeyParameters key) {
        this.ed25519Key = key;
        this.ed25519PublicKey = key.generatePublicKey();
        this.publicKey = Jwk.ed25519(ed25519PublicKey.getEncoded());
        this.p256Key = null;
    }

    private SigningKey(ECPrivateKeyParameters key) {
        ECPoint q = new FixedPointCombMultiplier().multiply(P256.DOMAIN.getG(), key.getD()).normalize();
        this.publicKey = Jwk.p256(P256.coordinate(q.getAffineXCoord().toBigInteger()),
                P256.coordinate(q.getAffineYCoord().toBigInteger()));
        this.p256Key = key;
        this.ed25519Key = null;
        this.ed25519PublicKey = null;
    }

    /** A new random key for the algorithm, from a {@link SecureRandom}. */
    public static SigningKey generate(JwsAlgorithm algorithm) {
        SecureRandom random = new SecureRandom();
        if (algorithm == JwsAlgorithm.EDDSA) {
            return new SigningKey(new Ed25519PrivateKeyParameters(random));
        }
        BigInteger d = BigIntegers.createRandomInRange(BigInteger.ONE, P256.DOMAIN.getN().subtract(BigInteger.ONE),
                random);
        return new SigningKey(new ECPrivateKeyParameters(d, P256.DOMAIN));
    }

    /** A new random Ed25519 key, the exchange's default. */
    public static SigningKey generate() {
        return generate(JwsAlgorithm.EDDSA);
    }

    /** The Ed25519 key whose 32-byte private key (the RFC 8032 seed) is given. */
    public static SigningKey ed25519(byte[] privateKey) {
        if (privateKey.length != Ed25519PrivateKeyParameters.KEY_SIZE) {
            throw new JwkFormatException("an Ed25519 private key is " + Ed25519PrivateKeyParameters.KEY_SIZE
                    + " bytes, not " + privateKey.length + " (RFC 8037 §2)");
        }
        return new SigningKey(new Ed25519PrivateKeyParameters(privateKey));
    }

    /** Parses a private JWK (with {@code d}) from JSON text. */
    public static SigningKey parse(String json) {
        JsonNode node;
        try {
            node = StrictJson.mapper().readTree(json);
        } catch (JacksonException e) {
            throw new JwkFormatException("the private JWK is not valid JSON: " + e.getOriginalMessage(), e);
        }
        return fromJson(node);
    }

    /**
     * Reads a private JWK: OKP/Ed25519 with {@code d} and {@code x} (RFC 8037 §2) or EC/P-256 with {@code d},
     * {@code x}, {@code y} (RFC 7518 §6.2.2). The public members must match the private key.
     *
     * @throws JwkFormatException naming what is missing, malformed or inconsistent
     */
    public static SigningKey fromJson(JsonNode jwk) {
        if (jwk == null || !jwk.isObject()) {
            throw new JwkFormatException("a private JWK must be a JSON object");
        }
        String kty = Jwk.requiredString(jwk, "kty");
        String crv = Jwk.requiredString(jwk, "crv");
        byte[] d = Jwk.requiredBytes(jwk, "d");
        SigningKey key;
        if (kty.equals("OKP") && crv.equals("Ed25519")) {
            key = ed25519(d);
        } else if (kty.equals("EC") && crv.equals("P-256")) {
            P256.requireFieldSize(d, "d");
            BigInteger scalar = new BigInteger(1, d);
            if (scalar.signum() == 0 || scalar.compareTo(P256.DOMAIN.getN()) >= 0) {
                throw new JwkFormatException("the EC JWK member \"d\" is not a P-256 private scalar (0 < d < n)");
            }
            key = new SigningKey(new ECPrivateKeyParameters(scalar, P256.DOMAIN));
        } else {
            throw new JwkFormatException("unsupported JWK key type \"" + kty + "\" with curve \"" + crv
                    + "\"; the exchange accepts OKP/Ed25519 and EC/P-256");
        }
        ObjectNode publicMembers = ((ObjectNode) jwk).deepCopy();
        publicMembers.remove("d");
        Jwk declared = Jwk.fromJson(publicMembers);
        if (!declared.equals(key.publicKey)) {
            throw new JwkFormatException("the private JWK's public members do not belong to its \"d\"");
        }
        return key;
    }

    /** The private JWK: the public members, {@code kid}, and {@code d}. Keep it secret. */
    public ObjectNode toPrivateJson() {
        ObjectNode jwk = publicKey.toJson();
        byte[] d = ed25519Key != null ? ed25519Key.getEncoded() : P256.coordinate(p256Key.getD());
        jwk.put("d", Base64Url.encode(d));
        return jwk;
    }

    /** The public key, to publish. */
    public Jwk publicKey() {
        return publicKey;
    }

    /** The key id: the RFC 7638 thumbprint of the public key. */
    public String kid() {
        return publicKey.thumbprint();
    }

    /** The algorithm this key signs with. */
    public JwsAlgorithm algorithm() {
        return publicKey.algorithm();
    }

    /**
     * The raw 64-byte JWS signature over {@code signingInput} (RFC 7515 §5.1 step 5): Ed25519 per RFC 8032
     * §5.1.6, or ECDSA P-256/SHA-256 as R || S (RFC 7518 §3.4).
     */
    public byte[] sign(byte[] signingInput) {
        if (ed25519Key != null) {
            byte[] signature = new byte[Ed25519PrivateKeyParameters.SIGNATURE_SIZE];
            ed25519Key.sign(Ed25519.Algorithm.Ed25519, ed25519PublicKey, null, signingInput, 0,
                    signingInput.length, signature, 0);
            return signature;
        }
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, p256Key);
        BigInteger[] rs = signer.generateSignature(Jwk.sha256(signingInput));
        byte[] signature = Arrays.copyOf(P256.coordinate(rs[0]), 64);
        System.arraycopy(P256.coordinate(rs[1]), 0, signature, 32, 32);
        return signature;
    }

    @Override
    public String toString() {
        return "SigningKey[" + algorithm().headerValue() + ", kid=" + kid() + "]";
    }
}
