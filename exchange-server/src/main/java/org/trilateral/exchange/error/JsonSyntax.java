package org.trilateral.exchange.error;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;

/**
 * What is wrong with a body that is not JSON, and where, in words a client can act on: Jackson's own message without
 * its parser internals (the {@code [Source: REDACTED (StreamReadFeature…)]} locations it embeds), followed by the
 * line and column of the failure.
 */
public final class JsonSyntax {

    /** A location Jackson writes into its messages: "[Source: …; line: 1, column: 2]". */
    private static final Pattern EMBEDDED_LOCATION = Pattern.compile("\\s*\\(start marker at \\[Source: [^\\]]*]\\)|\\s*\\[Source: [^\\]]*]");
    private static final Pattern LINE_AND_COLUMN = Pattern.compile("line: (\\d+), column: (\\d+)");

    private JsonSyntax() {
    }

    /** e.g. "Unexpected end-of-input: expected close marker for Object (started at line 1, column 1), at line 1, column 12". */
    public static String describe(JacksonException failure) {
        String message = failure.getOriginalMessage() == null ? "malformed JSON" : failure.getOriginalMessage();
        message = EMBEDDED_LOCATION.matcher(message).replaceAll(match -> {
            Matcher position = LINE_AND_COLUMN.matcher(match.group());
            return position.find() ? Matcher.quoteReplacement(" (started at line " + position.group(1) + ", column "
                    + position.group(2) + ")") : "";
        });
        // Jackson's messages continue on a new line with hints meant for Java programmers.
        int newline = message.indexOf('\n');
        if (newline > 0) {
            message = message.substring(0, newline);
        }
        message = message.strip();
        TokenStreamLocation location = failure.getLocation();
        if (location != null && location.getLineNr() > 0) {
            message += ", at line " + location.getLineNr() + ", column " + location.getColumnNr();
        }
        return message;
    }
}
