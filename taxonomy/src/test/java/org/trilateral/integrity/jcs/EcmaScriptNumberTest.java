package org.trilateral.integrity.jcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EcmaScriptNumberTest {

    /** RFC 8785 Appendix B: IEEE 754 bit patterns and their ECMAScript strings. */
    @ParameterizedTest
    @CsvSource({
            "0000000000000000, 0",
            "8000000000000000, 0",
            "0000000000000001, 5e-324",
            "8000000000000001, -5e-324",
            "7fefffffffffffff, 1.7976931348623157e+308",
            "ffefffffffffffff, -1.7976931348623157e+308",
            "4340000000000000, 9007199254740992",
            "c340000000000000, -9007199254740992",
            "4430000000000000, 295147905179352830000",
            "44b52d02c7e14af5, 9.999999999999997e+22",
            "44b52d02c7e14af6, 1e+23",
            "44b52d02c7e14af7, 1.0000000000000001e+23",
            "444b1ae4d6e2ef4e, 999999999999999700000",
            "444b1ae4d6e2ef4f, 999999999999999900000",
            "444b1ae4d6e2ef50, 1e+21",
            "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
            "3eb0c6f7a0b5ed8d, 0.000001",
            "41b3de4355555553, 333333333.3333332",
            "41b3de4355555554, 333333333.33333325",
            "41b3de4355555555, 333333333.3333333",
            "41b3de4355555556, 333333333.3333334",
            "41b3de4355555557, 333333333.33333343",
            "becbf647612f3696, -0.0000033333333333333333",
            "43143ff3c1cb0959, 1424953923781206.2"
    })
    void formatWhenRfc8785AppendixBValueThenExpectedString(String bits, String expected) {
        double value = Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16));

        assertThat(EcmaScriptNumber.format(value)).isEqualTo(expected);
    }

    @Test
    void formatWhenJava17ToStringIsNotShortestThenShortestDigits() {
        // JDK 17 prints 2.82879384806159008E17 (JDK-4511638); 15 digits suffice.
        assertThat(EcmaScriptNumber.format(2.82879384806159E17)).isEqualTo("282879384806159000");
    }

    @Test
    void formatWhenRandomDoublesThenRoundTripsWithNoMoreDigitsThanJava() {
        SplittableRandom random = new SplittableRandom(8785);
        for (int i = 0; i < 20_000; i++) {
            double value = Double.longBitsToDouble(random.nextLong());
            if (!Double.isFinite(value)) {
                continue;
            }
            String formatted = EcmaScriptNumber.format(value);

            assertThat(Double.parseDouble(formatted)).as(formatted).isEqualTo(value == 0 ? 0.0 : value);
            assertThat(significantDigits(formatted)).as(formatted)
                    .isLessThanOrEqualTo(significantDigits(Double.toString(value)));
        }
    }

    @Test
    void formatWhenNotFiniteThenRefused() {
        assertThatThrownBy(() -> EcmaScriptNumber.format(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NaN");
    }

    private static int significantDigits(String number) {
        return new BigDecimal(number.replace("e+", "e")).stripTrailingZeros().precision();
    }
}
