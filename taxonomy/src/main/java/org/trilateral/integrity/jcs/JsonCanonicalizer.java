package org.trilateral.integrity.jcs;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
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
        Utf8Output out = new Utf8Output(512);
        write(value, Pointer.ROOT, 0, maxDepth, out);
        return out.toByteArray();
    }

    /**
     * The canonical bytes of {@code value} and, from the same walk, those of {@code value} without the member
     * {@code member} of its object member {@code container}, and without {@code container} too when that member was
     * its only one: what a signature carried inside the object covers (the object as signed), next to the form of the
     * object as received. When {@code value} has no such member both are the same bytes. JCS sorts and writes each
     * member independently (RFC 8785 §3.2.3), so leaving one out of the written form gives exactly the form of the
     * object without it.
     *
     * @throws CanonicalizationException as {@link #canonicalize(JsonNode)}
     */
    public static CanonicalForms canonicalizeOmitting(JsonNode value, String container, String member) {
        JsonNode inside = value.isObject() ? value.get(container) : null;
        if (inside == null || !inside.isObject() || !inside.has(member)) {
            byte[] whole = canonicalize(value);
            return new CanonicalForms(whole, whole);
        }
        Utf8Output out = new Utf8Output(512);
        Span outer = new Span(container);
        Span inner = new Span(member);
        writeObject(value, Pointer.ROOT, 1, StrictJson.MAX_NESTING_DEPTH, out, outer, inner);
        byte[] whole = out.toByteArray();
        Span cut = inner.members == 1 ? outer : inner;
        byte[] omitted = new byte[whole.length - (cut.end - cut.start)];
        System.arraycopy(whole, 0, omitted, 0, cut.start);
        System.arraycopy(whole, cut.end, omitted, cut.start, whole.length - cut.end);
        return new CanonicalForms(whole, omitted);
    }

    /**
     * Where one named member was written: from its leading comma (or, for the first member, from its name to the comma
     * after it), and how many members its object has.
     */
    private static final class Span {
        final String name;
        int start;
        int end;
        int members;

        Span(String name) {
            this.name = name;
        }
    }

    private static void write(JsonNode value, Pointer pointer, int depth, int maxDepth, Utf8Output out) {
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
            out.ascii(number(value, pointer));
        } else if (value.isBoolean()) {
            out.ascii(value.booleanValue() ? "true" : "false");
        } else if (value.isNull()) {
            out.ascii("null");
        } else {
            throw new CanonicalizationException("value at '" + pointer + "' is not JSON data: " + value.getNodeType());
        }
    }

    private static void writeObject(JsonNode object, Pointer pointer, int depth, int maxDepth, Utf8Output out) {
        writeObject(object, pointer, depth, maxDepth, out, null, null);
    }

    /**
     * @param recorded the member whose span to record, or null
     * @param nested the member whose span to record inside {@code recorded}'s value, or null
     */
    private static void writeObject(JsonNode object, Pointer pointer, int depth, int maxDepth, Utf8Output out,
                                    Span recorded, Span nested) {
        String[] names = new String[object.size()];
        int count = 0;
        for (String name : object.propertyNames()) {
            names[count++] = name;
        }
        // String.compareTo compares UTF-16 code units, which is exactly the order RFC 8785 §3.2.3 requires.
        Arrays.sort(names, 0, count);
        out.append('{');
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                out.append(',');
            }
            Pointer childPointer = pointer.child(names[i]);
            boolean recording = recorded != null && names[i].equals(recorded.name);
            int start = i > 0 ? out.size - 1 : out.size;
            writeString(names[i], childPointer, out);
            out.append(':');
            JsonNode value = object.get(names[i]);
            if (recording && nested != null) {
                if (depth == maxDepth) {
                    throw new CanonicalizationException("value at '" + childPointer + "' nests arrays and objects deeper"
                            + " than " + maxDepth + " levels, the most this canonicaliser walks");
                }
                writeObject(value, childPointer, depth + 1, maxDepth, out, nested, null);
            } else {
                write(value, childPointer, depth, maxDepth, out);
            }
            if (recording) {
                recorded.start = start;
                recorded.end = i > 0 || i == count - 1 ? out.size : out.size + 1;
                recorded.members = count;
            }
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

    /**
     * RFC 8785 §3.2.2.2: escape only '"', '\\' and control characters, short forms where JSON has them; everything else
     * as its UTF-8 bytes (§3.2.4).
     */
    private static void writeString(String text, Pointer pointer, Utf8Output out) {
        out.append('"');
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x80) {
                if (c == '"' || c == '\\') {
                    out.append('\\');
                }
                out.append(c);
            } else if (c < 0x20) {
                switch (c) {
                    case '\b' -> out.ascii("\\b");
                    case '\f' -> out.ascii("\\f");
                    case '\n' -> out.ascii("\\n");
                    case '\r' -> out.ascii("\\r");
                    case '\t' -> out.ascii("\\t");
                    default -> {
                        out.ascii("\\u00");
                        out.append(HEX[c >> 4]);
                        out.append(HEX[c & 0xF]);
                    }
                }
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 >= length || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    throw unpairedSurrogate(c, pointer);
                }
                out.codePoint(Character.toCodePoint(c, text.charAt(++i)));
            } else if (Character.isLowSurrogate(c)) {
                throw unpairedSurrogate(c, pointer);
            } else {
                out.codePoint(c);
            }
        }
        out.append('"');
    }

    private static CanonicalizationException unpairedSurrogate(char c, Pointer pointer) {
        return new CanonicalizationException(String.format(
                "string at '%s' contains the unpaired surrogate \\u%04x, which I-JSON forbids (RFC 7493 §2.1)",
                pointer, (int) c));
    }

    /**
     * Where a value sits, as an RFC 6901 JSON pointer: its text built only when a message names it, so that
     * canonicalising a valid tree escapes no names and joins no strings.
     */
    private record Pointer(Pointer parent, String name, int index) {

        static final Pointer ROOT = new Pointer(null, null, -1);

        Pointer child(String name) {
            return new Pointer(this, name, -1);
        }

        Pointer child(int index) {
            return new Pointer(this, null, index);
        }

        @Override
        public String toString() {
            if (parent == null) {
                return "";
            }
            // RFC 6901 §3 escaping, so that messages point at the member unambiguously.
            return parent + "/" + (name == null ? Integer.toString(index) : name.replace("~", "~0").replace("/", "~1"));
        }
    }

    /** A growing buffer of UTF-8 bytes: the canonical form is written once, with no intermediate string. */
    private static final class Utf8Output {

        private byte[] bytes;
        int size;

        Utf8Output(int capacity) {
            bytes = new byte[capacity];
        }

        void append(char ascii) {
            if (size == bytes.length) {
                grow(1);
            }
            bytes[size++] = (byte) ascii;
        }

        void ascii(String text) {
            int length = text.length();
            if (size + length > bytes.length) {
                grow(length);
            }
            for (int i = 0; i < length; i++) {
                bytes[size++] = (byte) text.charAt(i);
            }
        }

        /** A code point of U+0080 or above (a valid scalar value: surrogates are paired by the caller). */
        void codePoint(int codePoint) {
            if (size + 4 > bytes.length) {
                grow(4);
            }
            if (codePoint < 0x800) {
                bytes[size++] = (byte) (0xC0 | codePoint >> 6);
            } else if (codePoint < 0x10000) {
                bytes[size++] = (byte) (0xE0 | codePoint >> 12);
                bytes[size++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
            } else {
                bytes[size++] = (byte) (0xF0 | codePoint >> 18);
                bytes[size++] = (byte) (0x80 | codePoint >> 12 & 0x3F);
                bytes[size++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
            }
            bytes[size++] = (byte) (0x80 | codePoint & 0x3F);
        }

        private void grow(int needed) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + needed));
        }

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, size);
        }
    }
}
