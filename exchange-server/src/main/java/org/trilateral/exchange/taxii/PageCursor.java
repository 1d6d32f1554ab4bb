package org.trilateral.exchange.taxii;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque {@code next} value of TAXII 2.1 §3.4 paging: the position (storage sequence number) after which
 * the next page starts. It holds no server-side state, so any replica can continue a page another served.
 */
public record PageCursor(long afterSequence) {

    private static final String PREFIX = "s1.";

    public PageCursor {
        if (afterSequence < 0) {
            throw new IllegalArgumentException("cursor position must not be negative");
        }
    }

    public static final PageCursor START = new PageCursor(0);

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + afterSequence).getBytes(StandardCharsets.US_ASCII));
    }

    /** Decodes a {@code next} parameter; a value this server did not issue is a 400. */
    public static PageCursor decode(String next) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(next), StandardCharsets.US_ASCII);
            if (!text.startsWith(PREFIX)) {
                throw new IllegalArgumentException("unknown cursor form");
            }
            return new PageCursor(Long.parseLong(text.substring(PREFIX.length())));
        } catch (IllegalArgumentException e) {
            throw TaxiiException.badRequest(TaxiiSection.PAGINATION, "the 'next' parameter '" + next + "' is not a paging cursor issued by this server");
        }
    }
}
