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
