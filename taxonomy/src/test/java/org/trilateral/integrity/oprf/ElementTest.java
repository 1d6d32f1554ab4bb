package org.trilateral.integrity.oprf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.HexFormat;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.Test;

/** DeserializeElement as RFC 9497 §4.3 requires: every way an attacker can send a bad point is refused, with a reason. */
class ElementTest {

    /** The generator of P-256, compressed. */
    private static final String GENERATOR = "036b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296";

    @Test
    void deserializeWhenCompressedPointOnCurveThenSerialisesBackToSameBytes() {
        byte[] encoded = HexFormat.of().parseHex(GENERATOR);

        Element element = Element.deserialize(encoded);

        assertThat(element.serialize()).isEqualTo(encoded);
        assertThat(element.toString()).isEqualTo(GENERATOR);
        assertThat(element).isEqualTo(Element.deserialize(encoded.clone()));
    }

    @Test
    void deserializeWhenTooShortOrTooLongThenWrongLength() {
        assertRefused(new byte[32], InputValidationException.Reason.WRONG_LENGTH, "32 bytes");
        assertRefused(new byte[34], InputValidationException.Reason.WRONG_LENGTH, "34 bytes");
        assertRefused(new byte[0], InputValidationException.Reason.WRONG_LENGTH, "0 bytes");
        assertRefused(null, InputValidationException.Reason.WRONG_LENGTH, "missing");
    }

    @Test
    void deserializeWhenUncompressedPointThenWrongLengthSayingUncompressedIsRefused() {
        byte[] uncompressed = P256Group.GENERATOR.getEncoded(false);

        assertRefused(uncompressed, InputValidationException.Reason.WRONG_LENGTH, "uncompressed points are refused");
    }

    @Test
    void deserializeWhenIdentityEncodingThenIdentity() {
        assertRefused(new byte[] {0x00}, InputValidationException.Reason.IDENTITY, "point at infinity");
        assertRefused(new byte[33], InputValidationException.Reason.IDENTITY, "identity");
    }

    @Test
    void deserializeWhenPrefixIsNotCompressedThenBadPrefix() {
        byte[] encoded = HexFormat.of().parseHex(GENERATOR);
        for (int prefix : new int[] {0x00, 0x01, 0x04, 0x06, 0x07, 0xff}) {
            encoded[0] = (byte) prefix;
            assertRefused(encoded, InputValidationException.Reason.BAD_PREFIX, String.format("0x%02x", prefix));
        }
    }

    @Test
    void deserializeWhenXNotBelowFieldPrimeThenNotCanonical() {
        assertRefused(compressed(0x02, P256Group.FIELD_PRIME), InputValidationException.Reason.NOT_CANONICAL, "field prime");
        // x = p + 3 would decode to the point with x = 3 if reduced; it must be refused instead.
        assertRefused(compressed(0x03, P256Group.FIELD_PRIME.add(BigInteger.valueOf(3))), InputValidationException.Reason.NOT_CANONICAL, "field prime");
        assertRefused(compressed(0x02, BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE)), InputValidationException.Reason.NOT_CANONICAL, "field prime");
    }

    @Test
    void deserializeWhenNoPointHasThisXThenNotOnCurve() {
        BigInteger x = firstXOffCurve();

        assertRefused(compressed(0x02, x), InputValidationException.Reason.NOT_ON_CURVE, "not that of a point on P-256");
        assertRefused(compressed(0x03, x), InputValidationException.Reason.NOT_ON_CURVE, "not that of a point on P-256");
    }

    @Test
    void equalsWhenSamePointThenEqualAndSameHash() {
        Element a = Element.deserialize(HexFormat.of().parseHex(GENERATOR));
        Element b = new Element(P256Group.GENERATOR);

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(new Element(P256Group.GENERATOR.twice()));
    }

    /** The smallest x for which x^3 - 3x + b is not a square mod p (Euler's criterion). */
    static BigInteger firstXOffCurve() {
        BigInteger p = P256Group.FIELD_PRIME;
        BigInteger b = P256Group.CURVE.getB().toBigInteger();
        BigInteger half = p.subtract(BigInteger.ONE).shiftRight(1);
        for (BigInteger x = BigInteger.ZERO; ; x = x.add(BigInteger.ONE)) {
            BigInteger rhs = x.pow(3).subtract(x.multiply(BigInteger.valueOf(3))).add(b).mod(p);
            if (rhs.signum() != 0 && !rhs.modPow(half, p).equals(BigInteger.ONE)) {
                return x;
            }
        }
    }

    static byte[] compressed(int prefix, BigInteger x) {
        byte[] encoded = new byte[33];
        encoded[0] = (byte) prefix;
        System.arraycopy(BigIntegers.asUnsignedByteArray(32, x), 0, encoded, 1, 32);
        return encoded;
    }

    private static void assertRefused(byte[] encoded, InputValidationException.Reason reason, String messagePart) {
        assertThatThrownBy(() -> Element.deserialize(encoded))
                .isInstanceOfSatisfying(InputValidationException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.kind()).isEqualTo(OprfException.Kind.INPUT_VALIDATION);
                })
                .hasMessageContaining(messagePart);
    }
}
