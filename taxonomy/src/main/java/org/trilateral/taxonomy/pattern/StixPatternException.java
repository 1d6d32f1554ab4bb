package org.trilateral.taxonomy.pattern;

/**
 * A pattern that is not valid STIX patterning (STIX 2.1 §9). The message starts with the 0-based
 * character offset of the error, for example {@code at offset 17: expected ']' but found 'AND'}.
 */
public final class StixPatternException extends IllegalArgumentException {

    private final int position;
    private final int line;
    private final int column;
    private final String reason;

    StixPatternException(String pattern, int position, String reason) {
        super("at offset " + position + ": " + reason);
        this.position = position;
        this.reason = reason;
        int currentLine = 1;
        int lineStart = 0;
        for (int i = 0; i < position && i < pattern.length(); i++) {
            if (pattern.charAt(i) == '\n') {
                currentLine++;
                lineStart = i + 1;
            }
        }
        this.line = currentLine;
        this.column = position - lineStart + 1;
    }

    /** The 0-based character offset in the pattern text where the error was found. */
    public int position() {
        return position;
    }

    /** The 1-based line of {@link #position()}. */
    public int line() {
        return line;
    }

    /** The 1-based column of {@link #position()} within its line. */
    public int column() {
        return column;
    }

    /** What is wrong, without the position prefix. */
    public String reason() {
        return reason;
    }
}
