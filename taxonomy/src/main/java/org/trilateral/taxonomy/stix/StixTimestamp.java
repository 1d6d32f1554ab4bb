package org.trilateral.taxonomy.stix;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * STIX 2.1 §3.2 timestamps: RFC 3339, UTC with a literal upper-case {@code Z}, optional fractional
 * seconds. The exchange stores times with microsecond precision (PostgreSQL {@code timestamptz}), so a
 * timestamp with more than six fractional digits is refused rather than silently truncated.
 */
public final class StixTimestamp {

    private static final Pattern FORM =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,6})?Z");
    private static final Pattern ANY_PRECISION =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");

    private static final DateTimeFormatter MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MICROS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private StixTimestamp() {
    }

    /** Parses a STIX timestamp; the exception message names what is wrong with it. */
    public static Instant parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("timestamp is missing");
        }
        Instant fast = parseCommonForm(text);
        if (fast != null) {
            return fast;
        }
        if (!FORM.matcher(text).matches()) {
            if (ANY_PRECISION.matcher(text).matches()) {
                throw new IllegalArgumentException("timestamp '" + text + "' has more than microsecond precision");
            }
            throw new IllegalArgumentException("timestamp '" + text + "' is not an RFC 3339 UTC timestamp of the form YYYY-MM-DDTHH:MM:SS[.s+]Z");
        }
        try {
            return Instant.parse(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("timestamp '" + text + "' is not a valid date and time", e);
        }
    }

    /**
     * The instant of a timestamp of the form the pattern {@code FORM} describes, parsed without regular expressions;
     * null when the text is not of that form or names no valid date and time (then {@link #parse} says why).
     */
    private static Instant parseCommonForm(String text) {
        int length = text.length();
        if (length < 20 || length > 27 || length == 21 || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-'
                || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int nanos = 0;
        if (length > 20) {
            if (text.charAt(19) != '.') {
                return null;
            }
            int fraction = digits(text, 20, length - 1);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction;
            for (int i = length - 1 - 20; i < 9; i++) {
                nanos *= 10;
            }
        }
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || second > 59) {
            // A leap second (:60) and anything malformed take the general path.
            return null;
        }
        try {
            return java.time.LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** The decimal number of ASCII digits {@code [from, to)}, or -1 when any is not one. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Formats with millisecond precision, the precision STIX asks for on {@code created}/{@code modified}. */
    public static String formatMillis(Instant instant) {
        return MILLIS.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    /** Formats with microsecond precision: used for TAXII {@code date_added}, so that no two objects share one. */
    public static String formatMicros(Instant instant) {
        return MICROS.format(instant.truncatedTo(ChronoUnit.MICROS));
    }
}
