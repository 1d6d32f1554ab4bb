package org.trilateral.integrity.oprf;

import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECMultiplier;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;

/**
 * The prime-order group P-256 of RFC 9497 §4.3 on BouncyCastle's custom {@code SecP256R1Curve}, whose field
 * arithmetic is fixed-width and several times faster than the generic curve.
 *
 * <p>Secret scalars (keys, blinds, proof nonces) are multiplied with the fixed-point comb, which reads its table with
 * a cache-safe lookup and does the same additions whatever the scalar; its table is built from the point alone. Public
 * scalars (composite weights, proof verification) use BouncyCastle's default wNAF, which is faster but branches on the
 * scalar's digits.
 */
final class P256Group {

    /** SerializeElement: SEC 1 compressed point (RFC 9497 §4.3, Ne = 33). */
    static final int ELEMENT_BYTES = 33;
    /** SerializeScalar: big-endian field element (RFC 9497 §4.3, Ns = 32). */
    static final int SCALAR_BYTES = 32;

    static final ECCurve CURVE;
    static final ECPoint GENERATOR;
    static final BigInteger ORDER;
    static final BigInteger FIELD_PRIME;

    private static final ECMultiplier COMB = new FixedPointCombMultiplier();

    static {
        X9ECParameters parameters = CustomNamedCurves.getByName("secp256r1");
        CURVE = parameters.getCurve();
        GENERATOR = parameters.getG().normalize();
        ORDER = parameters.getN();
        FIELD_PRIME = CURVE.getField().getCharacteristic();
    }

    private P256Group() {
    }

    /** ScalarMultGen: k·G with the comb table of G, built once. */
    static ECPoint multiplyGenerator(BigInteger k) {
        return COMB.multiply(GENERATOR, k).normalize();
    }

    /** k·P for a secret k. */
    static ECPoint multiplySecret(ECPoint point, BigInteger k) {
        return COMB.multiply(point, k).normalize();
    }

    /** k·P for a public k. */
    static ECPoint multiplyPublic(ECPoint point, BigInteger k) {
        return point.multiply(k).normalize();
    }

    /** a·P + b·Q for public a and b (Shamir's trick). */
    static ECPoint sumOfTwoMultiplies(ECPoint p, BigInteger a, ECPoint q, BigInteger b) {
        return ECAlgorithms.sumOfTwoMultiplies(p, a, q, b).normalize();
    }

    /** ScalarInverse, in constant time (BouncyCastle's safegcd). */
    static BigInteger inverse(BigInteger k) {
        return BigIntegers.modOddInverse(ORDER, k);
    }

    /** SerializeElement of a point that is not the identity. */
    static byte[] serialize(ECPoint point) {
        return point.getEncoded(true);
    }

    /**
     * DeserializeElement (RFC 9497 §4.3): SEC 1 §2.3.4 compressed Octet-String-to-Elliptic-Curve-Point, then partial
     * public-key validation (NIST SP 800-56A §5.6.2.3.4): x in range, the point on the curve, not the identity. P-256
     * has cofactor 1, so a point on the curve is in the group.
     */
    static ECPoint deserialize(byte[] encoded) {
        if (encoded == null) {
            throw new InputValidationException(InputValidationException.Reason.WRONG_LENGTH, "element is missing");
        }
        if (encoded.length == 1 && encoded[0] == 0) {
            throw new InputValidationException(InputValidationException.Reason.IDENTITY,
                    "element is the SEC 1 encoding of the point at infinity, the group identity (RFC 9497 §4.3)");
        }
        if (encoded.length != ELEMENT_BYTES) {
            throw new InputValidationException(InputValidationException.Reason.WRONG_LENGTH, "element is " + encoded.length
                    + " bytes; P256-SHA256 elements are 33-byte SEC 1 compressed points (RFC 9497 §4.3)"
                    + (encoded.length == 65 ? ", uncompressed points are refused" : ""));
        }
        if (isAllZero(encoded)) {
            throw new InputValidationException(InputValidationException.Reason.IDENTITY,
                    "element is 33 zero bytes, an encoding of the group identity (RFC 9497 §4.3)");
        }
        if (encoded[0] != 0x02 && encoded[0] != 0x03) {
            throw new InputValidationException(InputValidationException.Reason.BAD_PREFIX, String.format(
                    "element starts with 0x%02x; a SEC 1 compressed point starts with 0x02 or 0x03", encoded[0] & 0xff));
        }
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(encoded, 1, ELEMENT_BYTES));
        if (x.compareTo(FIELD_PRIME) >= 0) {
            throw new InputValidationException(InputValidationException.Reason.NOT_CANONICAL,
                    "element's x coordinate is not below the field prime p (SEC 1 §2.3.4)");
        }
        ECPoint point;
        try {
            point = CURVE.decodePoint(encoded);
        } catch (IllegalArgumentException e) {
            throw new InputValidationException(InputValidationException.Reason.NOT_ON_CURVE,
                    "element's x coordinate is not that of a point on P-256 (x^3 - 3x + b is not a square)");
        }
        if (point.isInfinity() || !point.isValid()) {
            throw new InputValidationException(InputValidationException.Reason.NOT_ON_CURVE, "element is not a point of P-256");
        }
        return point.normalize();
    }

    /**
     * DeserializeScalar (RFC 9497 §4.3): 32 bytes big-endian, refused unless below the group order. Zero is a
     * scalar; callers that need an invertible one check it.
     */
    static BigInteger deserializeScalar(byte[] encoded) {
        if (encoded == null) {
            throw new InputValidationException(InputValidationException.Reason.WRONG_LENGTH, "scalar is missing");
        }
        if (encoded.length != SCALAR_BYTES) {
            throw new InputValidationException(InputValidationException.Reason.WRONG_LENGTH, "scalar is " + encoded.length
                    + " bytes; P256-SHA256 scalars are 32 bytes big-endian (RFC 9497 §4.3)");
        }
        BigInteger value = new BigInteger(1, encoded);
        if (value.compareTo(ORDER) >= 0) {
            throw new InputValidationException(InputValidationException.Reason.NOT_CANONICAL,
                    "scalar is not below the group order n (RFC 9497 §4.3)");
        }
        return value;
    }

    /** SerializeScalar: 32 bytes big-endian. */
    static byte[] serializeScalar(BigInteger value) {
        return BigIntegers.asUnsignedByteArray(SCALAR_BYTES, value);
    }

    private static boolean isAllZero(byte[] bytes) {
        int any = 0;
        for (byte b : bytes) {
            any |= b;
        }
        return any == 0;
    }
}
