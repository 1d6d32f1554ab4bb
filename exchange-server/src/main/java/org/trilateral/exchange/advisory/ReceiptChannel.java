package org.trilateral.exchange.advisory;

import java.util.Arrays;
import java.util.Optional;

/** How a member's system received an advisory. */
public enum ReceiptChannel {
    /** A change stream ({@code /changes/stream}); the SDK acknowledges after it verified the event. */
    STREAM("stream"),
    /** A webhook delivery the member's endpoint answered with 2xx. */
    WEBHOOK("webhook"),
    /** Polling ({@code /advisories}, {@code /changes} or TAXII). */
    POLL("poll");

    private final String value;

    ReceiptChannel(String value) {
        this.value = value;
    }

    /** The name in JSON and the database, e.g. {@code webhook}. */
    public String value() {
        return value;
    }

    /** The channel named {@code text}. */
    public static Optional<ReceiptChannel> of(String text) {
        return Arrays.stream(values()).filter(c -> c.value.equals(text)).findFirst();
    }
}
