package org.trilateral.exchange.taxii;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import org.trilateral.taxonomy.stix.StixTimestamp;

/**
 * TAXII 2.1 §3.5.1 {@code match[version]}: any combination of {@code first}, {@code last}, {@code all} and
 * version timestamps, joined by commas; an object version matches when it matches any of them.
 */
public record VersionFilter(boolean all, boolean first, boolean last, Set<Instant> timestamps) {

    public static final VersionFilter ALL = new VersionFilter(true, false, false, Set.of());
    public static final VersionFilter LAST = new VersionFilter(false, false, true, Set.of());

    public VersionFilter {
        timestamps = Set.copyOf(timestamps);
    }

    public static VersionFilter parse(String value, VersionFilter absent) {
        if (value == null) {
            return absent;
        }
        boolean all = false;
        boolean first = false;
        boolean last = false;
        Set<Instant> timestamps = new LinkedHashSet<>();
        for (String part : value.split(",", -1)) {
            String token = part.trim();
            switch (token) {
                case "all" -> all = true;
                case "first" -> first = true;
                case "last" -> last = true;
                default -> {
                    try {
                        timestamps.add(StixTimestamp.parse(token));
                    } catch (IllegalArgumentException e) {
                        throw TaxiiException.badRequest(TaxiiSection.FILTERING, "match[version] value '" + token
                                + "' is not 'first', 'last', 'all' or a STIX timestamp: " + e.getMessage());
                    }
                }
            }
        }
        return all ? ALL : new VersionFilter(false, first, last, timestamps);
    }
}
