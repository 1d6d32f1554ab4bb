package org.trilateral.integrity.jcs;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * ECMAScript {@code Number::toString} (ECMA-262 §6.1.6.1.20), which RFC 8785 §3.2.2.3 prescribes for numbers.
 *
 * <p>Java 17's {@code Double.toString} does not always give the shortest digits that round-trip (JDK-4511638,
 * fixed in JDK 19), so the digits are searched here: for each precision p from 1 to 17, the two p-digit
 * decimals that bracket the exact binary value are the only candidates closest to it from either side; the
 * first precision at which one of them parses back to the same double gives the shortest digits, and of two
 * such candidates the closer one (then the even one) wins, as §6.1.6.1.20 step 5 requires. Checking both
 * neighbours rather than only the nearest one matters at powers of two, where the rounding interval is
 * asymmetric. {@code Double.parseDouble} is correctly rounded, so the round-trip test is exact.
 */
final class EcmaScriptNumber {

    private static final double TWO_TO_53 = 9007199254740992.0;

    private EcmaScriptNumber() {
    }

    /** The ECMAScript string for a finite double; negative zero prints as {@code 0}. */
    static String format(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not a finite double: " + value);
        }
        if (value == 0) {
            return "0";
        }
        if (value == Math.rint(value) && Math.abs(value) < TWO_TO_53) {
            // Fast path for the common case: integers print as plain digits (n <= 21, k <= n).
            return Long.toString((long) value);
        }
        double magnitude = Math.abs(value);
        BigDecimal shortest = shortestDigits(magnitude);
        String digits = shortest.unscaledValue().toString();
        int k = digits.length();
        int n = k - shortest.scale();
        String text = layout(digits, k, n);
        return value < 0 ? "-" + text : text;
    }

    private static BigDecimal shortestDigits(double magnitude) {
        BigDecimal exact = new BigDecimal(magnitude);
        for (int precision = 1; precision <= 17; precision++) {
            BigDecimal below = exact.round(new MathContext(precision, RoundingMode.FLOOR)).stripTrailingZeros();
            BigDecimal above = exact.round(new MathContext(precision, RoundingMode.CEILING)).stripTrailingZeros();
            boolean belowRoundTrips = below.doubleValue() == magnitude;
            boolean aboveRoundTrips = above.doubleValue() == magnitude;
            if (belowRoundTrips && aboveRoundTrips) {
                return closer(exact, below, above);
            }
            if (belowRoundTrips) {
                return below;
            }
            if (aboveRoundTrips) {
                return above;
            }
        }
        // 17 significant digits always identify a double uniquely, so the loop returns before here.
        throw new IllegalStateException("no round-tripping decimal for " + magnitude);
    }

    private static BigDecimal closer(BigDecimal exact, BigDecimal below, BigDecimal above) {
        int comparison = exact.subtract(below).compareTo(above.subtract(exact));
        if (comparison != 0) {
            return comparison < 0 ? below : above;
        }
        return below.unscaledValue().testBit(0) ? above : below;
    }

    /** ECMA-262 §6.1.6.1.20 steps 6 to 10: k significant digits, decimal exponent n. */
    private static String layout(String digits, int k, int n) {
        if (k <= n && n <= 21) {
            return digits + "0".repeat(n - k);
        }
        if (0 < n && n <= 21) {
            return digits.substring(0, n) + "." + digits.substring(n);
        }
        if (-6 < n && n <= 0) {
            return "0." + "0".repeat(-n) + digits;
        }
        int exponent = n - 1;
        String sign = exponent < 0 ? "-" : "+";
        String mantissa = k == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return mantissa + "e" + sign + Math.abs(exponent);
    }
}
