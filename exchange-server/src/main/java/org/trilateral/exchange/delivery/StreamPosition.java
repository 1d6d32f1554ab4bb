package org.trilateral.exchange.delivery;

import org.trilateral.exchange.error.Refusal;

/**
 * Where a stream resumes: every change of the main lane before {@code main}, and every change of the advisory lane
 * (the advisory collection, delivered ahead of other traffic) before {@code advisory}, has been delivered. Its text is
 * the event {@code id} (docs/delivery.md, "Advisories first"): {@code main} alone when both are equal (always so for a
 * stream without an advisory lane, and for every stream once it has caught up), else {@code main:advisory}.
 */
record StreamPosition(long main, long advisory) {

    StreamPosition {
        if (main < 0 || advisory < 0) {
            throw new IllegalArgumentException("positions are not negative");
        }
    }

    /** Both lanes at {@code position}. */
    static StreamPosition at(long position) {
        return new StreamPosition(position, position);
    }

    /** The event id: {@code 412}, or {@code 412:530} while the advisory lane is ahead of the main one. */
    String id() {
        return main == advisory ? Long.toString(main) : main + ":" + advisory;
    }

    /**
     * Reads an event id sent back as {@code name} ({@code Last-Event-ID}).
     *
     * @throws Refusal naming {@code name} when it is neither a position nor two positions joined by {@code :}
     */
    static StreamPosition parse(String name, String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            return at(position(name, text, text));
        }
        return new StreamPosition(position(name, text.substring(0, colon), text),
                position(name, text.substring(colon + 1), text));
    }

    private static long position(String name, String part, String text) {
        boolean digits = !part.isEmpty() && part.length() <= 19 && (part.equals("0") || part.charAt(0) != '0');
        for (int i = 0; digits && i < part.length(); i++) {
            digits = part.charAt(i) >= '0' && part.charAt(i) <= '9';
        }
        if (!digits) {
            throw Refusal.invalid(name, name + " must be a position (a non-negative decimal number) or two joined by"
                    + " ':' (main:advisory), not \"" + text + "\"");
        }
        try {
            return Long.parseLong(part);
        } catch (NumberFormatException e) {
            throw Refusal.invalid(name, name + " (" + text + ") is too large");
        }
    }
}
