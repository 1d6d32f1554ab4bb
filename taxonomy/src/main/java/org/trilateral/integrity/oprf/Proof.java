package org.trilateral.integrity.oprf;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A DLEQ proof (RFC 9497 §2.2): the challenge c and response s that show an evaluation used the key whose public
 * element the client holds. Serialised as c || s, 64 bytes.
 *
 * @param c the challenge
 * @param s the response
 */
public record Proof(Scalar c, Scalar s) {

    /** Length of the serialised proof. */
    public static final int BYTES = 2 * P256Group.SCALAR_BYTES;

    public Proof {
        Objects.requireNonNull(c, "c");
        Objects.requireNonNull(s, "s");
    }

    /**
     * Two scalars as {@link Scalar#deserialize(byte[])} accepts them.
     *
     * @throws InputValidationException naming what is wrong
     */
    public static Proof deserialize(byte[] encoded) {
        if (encoded == null || encoded.length != BYTES) {
            throw new InputValidationException(InputValidationException.Reason.WRONG_LENGTH, "proof is "
                    + (encoded == null ? "missing" : encoded.length + " bytes") + "; a P256-SHA256 proof is 64 bytes, c || s (RFC 9497 §2.2.1)");
        }
        return new Proof(Scalar.deserialize(Arrays.copyOfRange(encoded, 0, P256Group.SCALAR_BYTES)),
                Scalar.deserialize(Arrays.copyOfRange(encoded, P256Group.SCALAR_BYTES, BYTES)));
    }

    /** c || s, 64 bytes. */
    public byte[] serialize() {
        byte[] out = new byte[BYTES];
        System.arraycopy(c.serialize(), 0, out, 0, P256Group.SCALAR_BYTES);
        System.arraycopy(s.serialize(), 0, out, P256Group.SCALAR_BYTES, P256Group.SCALAR_BYTES);
        return out;
    }

    /** The serialised proof in hex: a proof is public. */
    @Override
    public String toString() {
        return "Proof[" + HexFormat.of().formatHex(serialize()) + "]";
    }
}
