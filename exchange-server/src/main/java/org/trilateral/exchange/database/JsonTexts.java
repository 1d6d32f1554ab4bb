package org.trilateral.exchange.database;

/**
 * Many JSON texts bound as one text parameter of a statement, one per row: joined with the record separator U+001E,
 * which no JSON text contains (RFC 8259: whitespace between tokens is space, tab, line feed or carriage return, and a
 * control character in a string is escaped), and split again in SQL by {@link #split}. Bound as {@code text[]}, the
 * driver writes an array literal and passes every character of every text through its escaping, the largest
 * encoding cost of an ingest write (docs/performance.md); one text is copied as it is.
 */
public final class JsonTexts {

    private static final char SEPARATOR = '\u001e';

    private JsonTexts() {
    }

    /**
     * The texts as one parameter; a null text travels as the empty string, which {@link #split} answers as NULL.
     *
     * @throws IllegalArgumentException if a text is empty or holds the separator, which no JSON text does
     */
    public static String join(String[] texts) {
        int length = texts.length;
        for (String text : texts) {
            if (text != null) {
                if (text.isEmpty() || text.indexOf(SEPARATOR) >= 0) {
                    throw new IllegalArgumentException("not a JSON text: " + (text.isEmpty() ? "empty"
                            : "holds U+001E at " + text.indexOf(SEPARATOR)));
                }
                length += text.length();
            }
        }
        StringBuilder joined = new StringBuilder(length);
        for (int i = 0; i < texts.length; i++) {
            if (i > 0) {
                joined.append(SEPARATOR);
            }
            if (texts[i] != null) {
                joined.append(texts[i]);
            }
        }
        return joined.toString();
    }

    /**
     * The SQL expression giving back the {@code text[]} of a parameter made by {@link #join}, for example
     * {@code split(":body")}.
     */
    public static String split(String parameter) {
        return "string_to_array(CAST(" + parameter + " AS text), chr(30), '')";
    }
}
