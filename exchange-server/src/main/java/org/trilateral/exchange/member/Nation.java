package org.trilateral.exchange.member;

import java.util.Arrays;

/** The nation a member belongs to: the three founding nations, or another partner. */
public enum Nation {
    US, JP, KR, OTHER;

    /** The nation written {@code text} (case-insensitive). */
    public static Nation parse(String text) {
        return Arrays.stream(values()).filter(n -> n.name().equalsIgnoreCase(text)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown nation '" + text + "', expected one of US, JP, KR, OTHER"));
    }
}
