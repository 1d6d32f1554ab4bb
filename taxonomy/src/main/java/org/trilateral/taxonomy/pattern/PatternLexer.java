package org.trilateral.taxonomy.pattern;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trilateral.taxonomy.pattern.PatternToken.Kind;

/** Splits pattern text into tokens following the lexer rules of the STIX 2.1 patterning grammar (§9, Appendix). */
final class PatternLexer {

    // Keywords are case-sensitive upper case in the grammar; LAST is reserved though unused.
    private static final Set<String> KEYWORDS = Set.of("AND", "OR", "NOT", "FOLLOWEDBY", "LIKE", "MATCHES",
            "ISSUPERSET", "ISSUBSET", "EXISTS", "LAST", "IN", "START", "STOP", "SECONDS", "WITHIN", "REPEATS", "TIMES");

    private static final Pattern NUMBER = Pattern.compile("[+-]?(?:(\\d*\\.\\d+)|(\\d+))");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_-]*");
    private static final Pattern TIMESTAMP = Pattern.compile(
            "\\d{4}-(0[1-9]|1[012])-(0[1-9]|[12]\\d|3[01])T([01]\\d|2[0-3]):[0-5]\\d:([0-5]\\d|60)(\\.\\d+)?Z");

    private final String text;
    private int pos;

    private PatternLexer(String text) {
        this.text = text;
    }

    static boolean isKeyword(String word) {
        return KEYWORDS.contains(word) || word.equals("true") || word.equals("false");
    }

    static List<PatternToken> tokenize(String text) {
        return new PatternLexer(text).run();
    }

    private List<PatternToken> run() {
        List<PatternToken> tokens = new ArrayList<>();
        while (true) {
            skipWhitespaceAndComments();
            if (pos >= text.length()) {
                tokens.add(new PatternToken(Kind.END, "", pos, null));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private void skipWhitespaceAndComments() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\u000B' || c == '\f') {
                pos++;
            } else if (text.startsWith("/*", pos)) {
                int end = text.indexOf("*/", pos + 2);
                if (end < 0) {
                    throw error(pos, "comment is not closed with '*/'");
                }
                pos = end + 2;
            } else if (text.startsWith("//", pos)) {
                int end = text.indexOf('\n', pos);
                pos = end < 0 ? text.length() : end + 1;
            } else {
                return;
            }
        }
    }

    private PatternToken next() {
        int start = pos;
        char c = text.charAt(pos);
        switch (c) {
            case '[': return symbol(Kind.LBRACK, 1);
            case ']': return symbol(Kind.RBRACK, 1);
            case '(': return symbol(Kind.LPAREN, 1);
            case ')': return symbol(Kind.RPAREN, 1);
            case ':': return symbol(Kind.COLON, 1);
            case ',': return symbol(Kind.COMMA, 1);
            case '*': return symbol(Kind.ASTERISK, 1);
            case '=': return symbol(Kind.EQ, text.startsWith("==", pos) ? 2 : 1);
            case '!':
                if (text.startsWith("!=", pos)) {
                    return symbol(Kind.NEQ, 2);
                }
                throw error(start, "unexpected character '!' (did you mean '!='?)");
            case '<':
                if (text.startsWith("<=", pos)) {
                    return symbol(Kind.LE, 2);
                }
                return text.startsWith("<>", pos) ? symbol(Kind.NEQ, 2) : symbol(Kind.LT, 1);
            case '>': return text.startsWith(">=", pos) ? symbol(Kind.GE, 2) : symbol(Kind.GT, 1);
            case '\'': return stringToken(start, 0, Kind.STRING);
            default:
                break;
        }
        if ((c == 'h' || c == 'b' || c == 't') && pos + 1 < text.length() && text.charAt(pos + 1) == '\'') {
            return stringToken(start, 1, c == 'h' ? Kind.HEX : c == 'b' ? Kind.BINARY : Kind.TIMESTAMP);
        }
        if (c == '.' && !(pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1)))) {
            return symbol(Kind.DOT, 1);
        }
        Matcher number = NUMBER.matcher(text).region(pos, text.length());
        if (number.lookingAt()) {
            return numberToken(number);
        }
        Matcher identifier = IDENTIFIER.matcher(text).region(pos, text.length());
        if (identifier.lookingAt()) {
            String word = identifier.group();
            pos = identifier.end();
            if (word.equals("true") || word.equals("false")) {
                return new PatternToken(Kind.BOOLEAN, word, start, new PatternLiteral.BooleanLiteral(word.equals("true")));
            }
            return new PatternToken(KEYWORDS.contains(word) ? Kind.KEYWORD : Kind.IDENTIFIER, word, start, null);
        }
        throw error(start, "unexpected character '" + new String(Character.toChars(text.codePointAt(pos))) + "'");
    }

    private PatternToken symbol(Kind kind, int length) {
        PatternToken token = new PatternToken(kind, text.substring(pos, pos + length), pos, null);
        pos += length;
        return token;
    }

    private PatternToken numberToken(Matcher number) {
        int start = pos;
        String raw = number.group();
        pos = number.end();
        if (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            throw error(start, "malformed number '" + raw + text.charAt(pos) + "'");
        }
        if (number.group(1) != null) {
            return new PatternToken(Kind.FLOAT, raw, start, new PatternLiteral.FloatLiteral(new BigDecimal(raw)));
        }
        String digits = number.group(2);
        if (digits.length() > 1 && digits.charAt(0) == '0') {
            throw error(start, "integer '" + raw + "' has a leading zero");
        }
        return new PatternToken(Kind.INTEGER, raw, start, new PatternLiteral.IntegerLiteral(new BigInteger(raw)));
    }

    /** Reads a quoted literal; {@code prefix} is 1 for h'…', b'…' and t'…'. */
    private PatternToken stringToken(int start, int prefix, Kind kind) {
        StringBuilder value = new StringBuilder();
        int i = start + prefix + 1;
        while (true) {
            if (i >= text.length()) {
                throw error(start, "literal is not closed with a quote");
            }
            char c = text.charAt(i);
            if (c == '\'') {
                break;
            }
            if (c == '\\') {
                // §9.3: inside a string literal only \' and \\ are escapes.
                char escaped = i + 1 < text.length() ? text.charAt(i + 1) : 0;
                if (kind != Kind.STRING || (escaped != '\'' && escaped != '\\')) {
                    throw error(i, "invalid escape sequence in literal; only \\' and \\\\ are allowed");
                }
                value.append(escaped);
                i += 2;
                continue;
            }
            value.append(c);
            i++;
        }
        pos = i + 1;
        String raw = text.substring(start, pos);
        String content = value.toString();
        return new PatternToken(kind, raw, start, literal(kind, content, start));
    }

    private PatternLiteral literal(Kind kind, String content, int start) {
        switch (kind) {
            case STRING:
                return new PatternLiteral.StringLiteral(content);
            case HEX:
                if (content.length() % 2 != 0 || !content.matches("[0-9a-fA-F]*")) {
                    throw error(start, "hex literal must hold an even number of hexadecimal digits");
                }
                return new PatternLiteral.HexLiteral(content);
            case BINARY:
                if (!PatternLiteral.isBase64(content)) {
                    throw error(start, "binary literal is not valid base64");
                }
                return new PatternLiteral.BinaryLiteral(content);
            default:
                if (!TIMESTAMP.matcher(content).matches()) {
                    throw error(start, "timestamp literal '" + content + "' is not an RFC 3339 UTC timestamp (YYYY-MM-DDTHH:MM:SS[.s+]Z)");
                }
                try {
                    return new PatternLiteral.TimestampLiteral(Instant.parse(content), content);
                } catch (DateTimeParseException e) {
                    throw error(start, "timestamp literal '" + content + "' is not a valid date and time");
                }
        }
    }

    private StixPatternException error(int position, String reason) {
        return new StixPatternException(text, position, reason);
    }
}
