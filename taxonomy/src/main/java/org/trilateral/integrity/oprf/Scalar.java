package org.trilateral.integrity.oprf;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A scalar of P-256, an integer in [0, n) where n is the group order: a private key, a blind, or half of a proof.
 * {@link #toString()} never shows the value, because most scalars are secrets.
 */
public final class Scalar {

    private final BigInteger value;

    Scalar(BigInteger value) {
        Objects.requireNonNull(value, "value");
        if (value.signum() < 0 || value.compareTo(P256Group.ORDER) >= 0) {
            throw new IllegalArgumentException("a scalar must be in [0, n)");
        }
        this.value = value;
    }

    /**
     * DeserializeScalar of RFC 9497 §4.3: exactly 32 bytes big-endian, below the group order.
     *
     * @throws InputValidationException naming what is wrong
     */
    public static Scalar deserialize(byte[] encoded) {
        return new Scalar(P256Group.deserializeScalar(encoded));
    }

    /** SerializeScalar: 32 bytes big-endian. */
    public byte[] serialize() {
        return P256Group.serializeScalar(value);
    }

    /** True for zero, which has no inverse. */
    public boolean isZero() {
        return value.signum() == 0;
    }

    BigInteger value() {
        return value;
    }

    /** Compares the encodings in time independent of where they differ. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Scalar scalar && MessageDigest.isEqual(serialize(), scalar.serialize());
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "Scalar[not shown]";
    }
}
