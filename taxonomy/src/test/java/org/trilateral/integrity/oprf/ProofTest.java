package org.trilateral.integrity.oprf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.Test;

class ProofTest {

    @Test
    void deserializeWhenTwoCanonicalScalarsThenSerialisesBackToSameBytes() {
        byte[] encoded = new byte[64];
        encoded[31] = 7;
        encoded[63] = 9;

        Proof proof = Proof.deserialize(encoded);

        assertThat(proof.serialize()).isEqualTo(encoded);
        assertThat(proof.c().value()).isEqualTo(BigInteger.valueOf(7));
    }

    @Test
    void deserializeWhenNot64BytesThenWrongLength() {
        assertThatThrownBy(() -> Proof.deserialize(new byte[63]))
                .isInstanceOfSatisfying(InputValidationException.class,
                        e -> assertThat(e.reason()).isEqualTo(InputValidationException.Reason.WRONG_LENGTH))
                .hasMessageContaining("63 bytes");
    }

    @Test
    void deserializeWhenResponseNotBelowOrderThenNotCanonical() {
        byte[] encoded = new byte[64];
        System.arraycopy(BigIntegers.asUnsignedByteArray(32, P256Group.ORDER.add(BigInteger.TWO)), 0, encoded, 32, 32);

        assertThatThrownBy(() -> Proof.deserialize(encoded))
                .isInstanceOfSatisfying(InputValidationException.class,
                        e -> assertThat(e.reason()).isEqualTo(InputValidationException.Reason.NOT_CANONICAL));
    }
}
