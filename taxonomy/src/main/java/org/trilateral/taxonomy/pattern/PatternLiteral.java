package org.trilateral.taxonomy.pattern;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A constant on the right-hand side of a comparison (STIX 2.1 §9.3 literal types). */
public sealed interface PatternLiteral {

    /** The literal as written in canonical pattern text. */
    @Override
    String toString();

    /**
     * RFC 4648 §4 base64 with its padding, the form of a binary literal (§9.3) and of STIX binary properties (§2.2),
     * checked in one pass: a regular expression with a repeated group would recurse once per four characters and could
     * exhaust the stack on a long value. The empty text is base64 of nothing.
     */
    static boolean isBase64(String text) {
        if (text.length() % 4 != 0) {
            return false;
        }
        int padding = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
        for (int i = 0; i < text.length() - padding; i++) {
            char c = text.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/')) {
                return false;
            }
        }
        return true;
    }

    /** A string literal; {@link #value()} is unescaped. */
    record StringLiteral(String value) implements PatternLiteral {
        public StringLiteral {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String toString() {
            // §9.3: only the quote and the backslash are escaped inside a string literal.
            return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
        }
    }

    /** An integer literal. */
    record IntegerLiteral(BigInteger value) implements PatternLiteral {
        public IntegerLiteral {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String toString() {
            return value.toString();
        }
    }

    /** A floating-point literal, kept exactly as a decimal. */
    record FloatLiteral(BigDecimal value) implements PatternLiteral {
        public FloatLiteral {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String toString() {
            String text = value.toPlainString();
            return text.contains(".") ? text : text + ".0";
        }
    }

    /** {@code true} or {@code false}. */
    record BooleanLiteral(boolean value) implements PatternLiteral {
        @Override
        public String toString() {
            return Boolean.toString(value);
        }
    }

    /** {@code h'…'}: an even number of hexadecimal digits, kept in lower case. */
    record HexLiteral(String hex) implements PatternLiteral {
        public HexLiteral {
            Objects.requireNonNull(hex, "hex");
            if (hex.length() % 2 != 0 || !hex.matches("[0-9a-fA-F]*")) {
                throw new IllegalArgumentException("hex literal '" + hex + "' is not an even number of hexadecimal digits");
            }
            hex = hex.toLowerCase(java.util.Locale.ROOT);
        }

        @Override
        public String toString() {
            return "h'" + hex + "'";
        }
    }

    /** {@code b'…'}: base64 (RFC 4648 §4) text. */
    record BinaryLiteral(String base64) implements PatternLiteral {
        public BinaryLiteral {
            Objects.requireNonNull(base64, "base64");
        }

        @Override
        public String toString() {
            return "b'" + base64 + "'";
        }
    }

    /** {@code t'…'}: an RFC 3339 UTC timestamp; {@link #text()} is kept as written. */
    record TimestampLiteral(Instant instant, String text) implements PatternLiteral {
        public TimestampLiteral {
            Objects.requireNonNull(instant, "instant");
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String toString() {
            return "t'" + text + "'";
        }
    }

    /** {@code (a, b, …)}: the right-hand side of IN. */
    record SetLiteral(List<PatternLiteral> elements) implements PatternLiteral {
        public SetLiteral {
            elements = List.copyOf(elements);
            for (PatternLiteral element : elements) {
                if (element instanceof SetLiteral) {
                    throw new IllegalArgumentException("a set literal cannot contain a set");
                }
            }
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder("(");
            for (int i = 0; i < elements.size(); i++) {
                text.append(i == 0 ? "" : ", ").append(elements.get(i));
            }
            return text.append(')').toString();
        }
    }
}
