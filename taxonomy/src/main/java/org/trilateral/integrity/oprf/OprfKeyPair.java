package org.trilateral.integrity.oprf;

import java.math.BigInteger;
import java.util.Objects;

/**
 * A server's key: the private scalar skS and its public element pkS = skS·G. {@link #toString()} shows only the
 * public element.
 *
 * @param privateKey skS, never zero
 * @param publicKey pkS, which clients of the verifiable modes hold
 */
public record OprfKeyPair(Scalar privateKey, Element publicKey) {

    /** Length of the seed of {@link #derive(OprfMode, byte[], byte[])}: Ns (RFC 9497 §3.2.1). */
    public static final int SEED_BYTES = P256Group.SCALAR_BYTES;

    /** Refuses a zero private key and a public element that is not its multiple of the generator. */
    public OprfKeyPair {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(publicKey, "publicKey");
        if (privateKey.isZero()) {
            throw new InputValidationException(InputValidationException.Reason.ZERO_SCALAR, "a private key must not be zero");
        }
        if (!publicKey.equals(new Element(P256Group.multiplyGenerator(privateKey.value())))) {
            throw new IllegalArgumentException("the public key is not skS·G for this private key");
        }
    }

    /** The key pair of a private key, e.g. one read back from storage with {@link Scalar#deserialize(byte[])}. */
    public static OprfKeyPair fromPrivateKey(Scalar privateKey) {
        Objects.requireNonNull(privateKey, "privateKey");
        if (privateKey.isZero()) {
            throw new InputValidationException(InputValidationException.Reason.ZERO_SCALAR, "a private key must not be zero");
        }
        return new OprfKeyPair(privateKey, new Element(P256Group.multiplyGenerator(privateKey.value())));
    }

    /** A random key pair (RFC 9497 §3.2): skS = RandomScalar(). */
    public static OprfKeyPair generate(ScalarSource random) {
        return fromPrivateKey(random.nextScalar());
    }

    /**
     * DeriveKeyPair (RFC 9497 §3.2.1): skS = HashToScalar(seed || I2OSP(len(info), 2) || info || I2OSP(counter, 1))
     * with the tag "DeriveKeyPair" || contextString, counter counting from 0 until skS is non-zero. The context string
     * names the mode, so one seed gives a different key in each mode.
     *
     * @param seed 32 bytes of secret, uniformly random seed
     * @param info public key information, e.g. which key epoch
     * @throws OprfException DERIVE_KEY_PAIR in the negligible case that 256 counters all give zero
     */
    public static OprfKeyPair derive(OprfMode mode, byte[] seed, byte[] info) {
        Objects.requireNonNull(mode, "mode");
        if (seed == null || seed.length != SEED_BYTES) {
            throw new IllegalArgumentException("the seed must be " + SEED_BYTES + " bytes (Ns, RFC 9497 §3.2.1)");
        }
        Transcript.requireFramable(info, "key info");
        Suite suite = Suite.of(mode);
        byte[] deriveInput = new Transcript().raw(seed).lengthPrefixed(info).toBytes();
        for (int counter = 0; counter <= 255; counter++) {
            BigInteger sk = suite.hashToScalarForKey(new Transcript().raw(deriveInput).i2osp(counter, 1).toBytes());
            if (sk.signum() != 0) {
                return fromPrivateKey(new Scalar(sk));
            }
        }
        throw new OprfException(OprfException.Kind.DERIVE_KEY_PAIR, "no non-zero scalar in 256 attempts");
    }

    @Override
    public String toString() {
        return "OprfKeyPair[publicKey=" + publicKey + ", privateKey not shown]";
    }
}
