package org.trilateral.taxonomy.pattern;

/**
 * One lexical token of a pattern.
 *
 * @param kind what the token is
 * @param text the token as written
 * @param position 0-based offset of its first character
 * @param value the decoded literal for literal tokens, otherwise {@code null}
 */
record PatternToken(Kind kind, String text, int position, PatternLiteral value) {

    enum Kind {
        LBRACK, RBRACK, LPAREN, RPAREN, COLON, DOT, COMMA, ASTERISK,
        EQ, NEQ, LT, LE, GT, GE,
        KEYWORD, IDENTIFIER,
        STRING, INTEGER, FLOAT, BOOLEAN, HEX, BINARY, TIMESTAMP,
        END
    }

    boolean isKeyword(String keyword) {
        return kind == Kind.KEYWORD && text.equals(keyword);
    }

    /** How the token reads in an error message. */
    String describe() {
        return kind == Kind.END ? "end of pattern" : "'" + text + "'";
    }
}
