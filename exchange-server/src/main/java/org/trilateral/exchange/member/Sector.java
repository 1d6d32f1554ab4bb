package org.trilateral.exchange.member;

import java.util.Arrays;

/** The sector a member works in; each sector is also a sharing group (docs/access-rules.md). */
public enum Sector {
    GOVERNMENT("government"),
    FREELANCE_PLATFORM("freelance-platform"),
    PAYMENT_PROVIDER("payment-provider"),
    CRYPTOCURRENCY_BUSINESS("cryptocurrency-business"),
    AI_COMPANY("ai-company"),
    OTHER("other");

    private final String value;

    Sector(String value) {
        this.value = value;
    }

    /** The name used in JSON, configuration and the database, e.g. {@code payment-provider}. */
    public String value() {
        return value;
    }

    /** The sector named {@code text}. */
    public static Sector parse(String text) {
        return Arrays.stream(values()).filter(s -> s.value.equals(text)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown sector '" + text + "', expected one of "
                        + Arrays.stream(values()).map(Sector::value).toList()));
    }
}
