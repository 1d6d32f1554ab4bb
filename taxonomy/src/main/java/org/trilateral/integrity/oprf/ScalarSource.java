package org.trilateral.integrity.oprf;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * Where blinds, proof nonces and random keys come from: RandomScalar of RFC 9497 §2.1. Production code uses
 * {@link #secure()}; tests pass a source that returns the scalars of a published vector.
 */
@FunctionalInterface
public interface ScalarSource {

    /** A scalar drawn uniformly from [1, n); a source that returns zero makes the caller refuse it. */
    Scalar nextScalar();

    /** Rejection sampling over a new {@link SecureRandom}. */
    static ScalarSource secure() {
        return secure(new SecureRandom());
    }

    /**
     * Rejection sampling (RFC 9497 §4.7): 32 random bytes, kept when the integer is non-zero and below the group
     * order, drawn again otherwise. Thread-safe when {@code random} is, as {@link SecureRandom} is.
     */
    static ScalarSource secure(SecureRandom random) {
        Objects.requireNonNull(random, "random");
        return () -> {
            byte[] bytes = new byte[P256Group.SCALAR_BYTES];
            while (true) {
                random.nextBytes(bytes);
                BigInteger candidate = new BigInteger(1, bytes);
                if (candidate.signum() != 0 && candidate.compareTo(P256Group.ORDER) < 0) {
                    return new Scalar(candidate);
                }
            }
        };
    }
}
