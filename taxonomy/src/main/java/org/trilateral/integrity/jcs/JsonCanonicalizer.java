package org.trilateral.integrity.jcs;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Canonical JSON per RFC 8785 (JCS): object members sorted by the UTF-16 code units of their names (§3.2.3),
 * no insignificant whitespace, strings with the minimal escaping of §3.2.2.2, numbers in ECMAScript form
 * (§3.2.2.3), UTF-8 output (§3.2.4).
 *
 * <p>Give it the tree as parsed by {@code StixJson.mapper()}, which refuses duplicate member names and keeps
 * decimals exact; a tree rebuilt from a Java model could differ from what the signer saw.
 */
public final class JsonCanonicalizer {

    private static final BigInteger TWO_TO_53 = BigInteger.ONE.shiftLeft(53);
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonCanonicalizer() {
    }

    /**
     * The canonical UTF-8 bytes of a JSON value nested at most {@link StrictJson#MAX_NESTING_DEPTH} deep, which every
     * tree read by {@link StrictJson#mapper()} is.
     *
     * @throws CanonicalizationException if the value is outside I-JSON (RFC 7493 §2.2, §2.1): a number that is
     *     not a finite double, an integer beyond ±2^53 that a double cannot hold exactly, a non-zero number
     *     that underflows to zero, or a string with an unpaired surrogate; or if it nests deeper than the limit
     */
    public static byte[] canonicalize(JsonNode value) {
        return canonicalize(value, StrictJson.MAX_NESTING_DEPTH);
    }

    /**
     * The canonical UTF-8 bytes of a JSON value nested at most {@code maxDepth} arrays and objects deep (a scalar is
     * depth 0, {@code {"a":[1]}} depth 2). The walk recurses once per level, so the limit bounds its stack.
     *
     * @throws CanonicalizationException as {@link #canonicalize(JsonNode)}, naming the limit when it is crossed
     */
    public static byte[] canonicalize(JsonNode value, int maxDepth) {
        StringBuilder out = new StringBuilder(256);
        write(value, Pointer.ROOT, 0, maxDepth, out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void write(JsonNode value, Pointer pointer, int depth, int maxDepth, StringBuilder out) {
        if ((value.isObject() || value.isArray()) && depth == maxDepth) {
            throw new CanonicalizationException("value at '" + pointer + "' nests arrays and objects deeper than "
                    + maxDepth + " levels, the most this canonicaliser walks");
        }
        if (value.isObject()) {
            writeObject(value, pointer, depth + 1, maxDepth, out);
        } else if (value.isArray()) {
            out.append('[');
            int index = 0;
            for (JsonNode element : value.values()) {
                if (index > 0) {
                    out.append(',');
                }
                write(element, pointer.child(index), depth + 1, maxDepth, out);
                index++;
            }
            out.append(']');
        } else if (value.isString()) {
            writeString(value.stringValue(), pointer, out);
        } else if (value.isNumber()) {
            out.append(number(value, pointer));
        } else if (value.isBoolean()) {
            out.append(value.booleanValue() ? "true" : "false");
        } else if (value.isNull()) {
            out.append("null");
        } else {
            throw new CanonicalizationException("value at '" + pointer + "' is not JSON data: " + value.getNodeType());
        }
    }

    private static void writeObject(JsonNode object, Pointer pointer, int depth, int maxDepth, StringBuilder out) {
        List<Map.Entry<String, JsonNode>> members = new ArrayList<>(object.properties());
        // String.compareTo compares UTF-16 code units, which is exactly the order RFC 8785 §3.2.3 requires.
        members.sort(Map.Entry.comparingByKey());
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, JsonNode> member : members) {
            if (!first) {
                out.append(',');
            }
            first = false;
            Pointer childPointer = pointer.child(member.getKey());
            writeString(member.getKey(), childPointer, out);
            out.append(':');
            write(member.getValue(), childPointer, depth, maxDepth, out);
        }
        out.append('}');
    }

    private static String number(JsonNode number, Pointer pointer) {
        if (number.isIntegralNumber()) {
            BigInteger integer = number.bigIntegerValue();
            double asDouble = integer.doubleValue();
            // I-JSON §2.2: integers beyond ±2^53 are only interoperable when a double holds them exactly.
            if (integer.abs().compareTo(TWO_TO_53) > 0
                    && (Double.isInfinite(asDouble) || !new BigDecimal(asDouble).toBigIntegerExact().equals(integer))) {
                throw new CanonicalizationException("integer " + integer + " at '" + pointer
                        + "' is beyond ±2^53 and an IEEE 754 double cannot hold it exactly (RFC 8785 §3.2.2.3)");
            }
            return EcmaScriptNumber.format(asDouble);
        }
        BigDecimal decimal = number.decimalValue();
        double asDouble = number.isBigDecimal() ? decimal.doubleValue() : number.doubleValue();
        if (!Double.isFinite(asDouble)) {
            throw new CanonicalizationException("number " + describe(number, decimal) + " at '" + pointer
                    + "' is not a finite IEEE 754 double (RFC 8785 §3.2.2.3)");
        }
        if (asDouble == 0 && decimal.signum() != 0) {
            throw new CanonicalizationException("number " + describe(number, decimal) + " at '" + pointer
                    + "' is too small for an IEEE 754 double and would become 0 (RFC 8785 §3.2.2.3)");
        }
        return EcmaScriptNumber.format(asDouble);
    }

    private static String describe(JsonNode number, BigDecimal decimal) {
        return number.isBigDecimal() ? decimal.toString() : number.toString();
    }

    /** RFC 8785 §3.2.2.2: escape only '"', '\\' and control characters, short forms where JSON has them. */
    private static void writeString(String text, Pointer pointer, StringBuilder out) {
        out.append('"');
        // Runs of characters that need no escaping are copied at once; most strings are one such run.
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && !Character.isSurrogate(c)) {
                continue;
            }
            out.append(text, run, i);
            run = i + 1;
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    throw unpairedSurrogate(c, pointer);
                }
                out.append(c).append(text.charAt(++i));
                run = i + 1;
                continue;
            }
            if (Character.isLowSurrogate(c)) {
                throw unpairedSurrogate(c, pointer);
            }
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        out.append(text, run, text.length());
        out.append('"');
    }

    private static CanonicalizationException unpairedSurrogate(char c, Pointer pointer) {
        return new CanonicalizationException(String.format(
                "string at '%s' contains the unpaired surrogate \\u%04x, which I-JSON forbids (RFC 7493 §2.1)",
                pointer, (int) c));
    }

    /**
     * Where a value sits, as an RFC 6901 JSON pointer: built only when a message names it, so that canonicalising a
     * valid tree allocates no pointer strings.
     */
    private record Pointer(Pointer parent, String token) {

        static final Pointer ROOT = new Pointer(null, null);

        Pointer child(String name) {
            // RFC 6901 §3 escaping, so that messages point at the member unambiguously.
            return new Pointer(this, name.replace("~", "~0").replace("/", "~1"));
        }

        Pointer child(int index) {
            return new Pointer(this, Integer.toString(index));
        }

        @Override
        public String toString() {
            return parent == null ? "" : parent + "/" + token;
        }
    }
}
