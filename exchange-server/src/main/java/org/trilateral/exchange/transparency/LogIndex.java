package org.trilateral.exchange.transparency;

import org.trilateral.exchange.error.Refusal;

/**
 * A position in the log or a tree size as a request gives it: a non-negative decimal number.
 *
 * @param value the index or size
 */
record LogIndex(long value) {

    LogIndex {
        if (value < 0) {
            throw new IllegalArgumentException("a log index or tree size is never negative, not " + value);
        }
    }

    /** Parses the parameter {@code name}; a value that is not a non-negative decimal is a bad request. */
    static LogIndex parse(String name, String text) {
        if (text == null || !text.matches("0|[1-9][0-9]{0,18}")) {
            throw Refusal.invalid(null, "the parameter " + name + " must be a non-negative decimal number, not \""
                    + text + "\"");
        }
        try {
            return new LogIndex(Long.parseLong(text));
        } catch (NumberFormatException e) {
            throw Refusal.invalid(null, "the parameter " + name + " (" + text + ") is too large");
        }
    }
}
