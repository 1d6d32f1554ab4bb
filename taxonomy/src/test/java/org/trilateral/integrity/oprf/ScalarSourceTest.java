package org.trilateral.integrity.oprf;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class ScalarSourceTest {

    @Test
    void secureWhenRandomBytesAboveOrderThenDrawsAgain() {
        // A generator whose first draw is all 0xff (above n) and whose second is 1.
        SecureRandom scripted = new SecureRandom() {
            private int calls;

            @Override
            public void nextBytes(byte[] bytes) {
                java.util.Arrays.fill(bytes, calls++ == 0 ? (byte) 0xff : 0);
                if (calls > 1) {
                    bytes[bytes.length - 1] = 1;
                }
            }
        };

        assertThat(ScalarSource.secure(scripted).nextScalar().value()).isEqualTo(BigInteger.ONE);
    }

    @Test
    void secureWhenDrawnThenNonZeroAndBelowOrder() {
        ScalarSource source = ScalarSource.secure();
        for (int i = 0; i < 100; i++) {
            BigInteger value = source.nextScalar().value();
            assertThat(value.signum()).isPositive();
            assertThat(value).isLessThan(P256Group.ORDER);
        }
    }
}
