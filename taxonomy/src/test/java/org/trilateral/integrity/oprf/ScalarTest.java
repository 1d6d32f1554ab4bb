package org.trilateral.integrity.oprf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.Test;

/** DeserializeScalar as RFC 9497 §4.3 requires: 32 bytes, below the group order. */
class ScalarTest {

    @Test
    void deserializeWhenBelowOrderThenSerialisesBackToSameBytes() {
        byte[] largest = BigIntegers.asUnsignedByteArray(32, P256Group.ORDER.subtract(BigInteger.ONE));

        assertThat(Scalar.deserialize(largest).serialize()).isEqualTo(largest);
        assertThat(Scalar.deserialize(new byte[32]).isZero()).isTrue();
    }

    @Test
    void deserializeWhenOrderOrAboveThenNotCanonical() {
        for (BigInteger value : new BigInteger[] {P256Group.ORDER, P256Group.ORDER.add(BigInteger.ONE), BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE)}) {
            assertThatThrownBy(() -> Scalar.deserialize(BigIntegers.asUnsignedByteArray(32, value)))
                    .isInstanceOfSatisfying(InputValidationException.class,
                            e -> assertThat(e.reason()).isEqualTo(InputValidationException.Reason.NOT_CANONICAL))
                    .hasMessageContaining("group order");
        }
    }

    @Test
    void deserializeWhenNot32BytesThenWrongLength() {
        for (int length : new int[] {0, 31, 33, 48}) {
            assertThatThrownBy(() -> Scalar.deserialize(new byte[length]))
                    .isInstanceOfSatisfying(InputValidationException.class,
                            e -> assertThat(e.reason()).isEqualTo(InputValidationException.Reason.WRONG_LENGTH))
                    .hasMessageContaining(length + " bytes");
        }
    }

    @Test
    void toStringWhenPrintedThenValueNotShown() {
        byte[] encoded = BigIntegers.asUnsignedByteArray(32, BigInteger.valueOf(0xabcdef));

        assertThat(Scalar.deserialize(encoded).toString()).doesNotContain("abcdef").doesNotContain("11259375");
    }
}
