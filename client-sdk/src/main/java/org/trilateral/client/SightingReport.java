package org.trilateral.client;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.trilateral.taxonomy.marking.Tlp;
import org.trilateral.taxonomy.stix.StixId;
import org.trilateral.taxonomy.stix.StixJson;
import org.trilateral.taxonomy.stix.StixTimestamp;
import tools.jackson.databind.node.ObjectNode;

/**
 * A report that this member saw an indicator (a STIX 2.1 §5.2 sighting), for {@link ExchangeClient#reportSighting}.
 * The exchange counts sightings in screening answers and raises a match's confidence for each other member that
 * reported one (docs/screening.md, "Sightings and confidence").
 *
 * @param indicatorId  the indicator seen ({@code sighting_of_ref})
 * @param count        how many times (STIX: 0 to 999,999,999; default 1)
 * @param firstSeen    when first seen (default: now)
 * @param lastSeen     when last seen (default: now); left out of the sighting when it is first seen's moment
 * @param markingRefs  the sighting's markings (default TLP:AMBER): who may read that this member saw it
 * @param description  a free text, or null
 */
public record SightingReport(String indicatorId, long count, Instant firstSeen, Instant lastSeen, List<String> markingRefs,
                             String description) {

    public SightingReport {
        Objects.requireNonNull(indicatorId, "indicatorId");
        if (!StixId.isValid(indicatorId) || !indicatorId.startsWith("indicator--")) {
            throw new IllegalArgumentException("'" + indicatorId + "' is not an indicator id (indicator--<UUID>)");
        }
        if (count < 0 || count > 999_999_999) {
            throw new IllegalArgumentException("count must be between 0 and 999,999,999 (STIX 2.1 §5.2), was " + count);
        }
        if (firstSeen != null && lastSeen != null && lastSeen.isBefore(firstSeen)) {
            throw new IllegalArgumentException("last seen " + lastSeen + " is before first seen " + firstSeen);
        }
        markingRefs = List.copyOf(markingRefs);
        if (markingRefs.isEmpty()) {
            throw new IllegalArgumentException("a sighting needs at least one marking (a TLP marking at least)");
        }
    }

    /** A report of {@code indicatorId}, seen once, now, marked TLP:AMBER; change what differs with the builder. */
    public static Builder of(String indicatorId) {
        return new Builder(indicatorId);
    }

    /** A report of the indicator a screening matched. */
    public static Builder of(ScreenResult.Match match) {
        return new Builder(match.indicatorId());
    }

    /** The sighting as STIX, created by {@code identityId} at {@code now} (millisecond precision). */
    ObjectNode toStix(String identityId, Instant now) {
        String created = StixTimestamp.formatMillis(now.truncatedTo(ChronoUnit.MILLIS));
        ObjectNode sighting = StixJson.mapper().createObjectNode()
                .put("type", "sighting").put("spec_version", "2.1").put("id", "sighting--" + UUID.randomUUID())
                .put("created_by_ref", identityId).put("created", created).put("modified", created)
                .put("sighting_of_ref", indicatorId).put("count", count);
        Instant first = (firstSeen != null ? firstSeen : now).truncatedTo(ChronoUnit.MILLIS);
        Instant last = (lastSeen != null ? lastSeen : now).truncatedTo(ChronoUnit.MILLIS);
        sighting.put("first_seen", StixTimestamp.formatMillis(first));
        // The exchange, like the OASIS validator, wants last_seen strictly after first_seen (docs/validation.md): a
        // sighting of one moment carries first_seen only.
        if (last.isAfter(first)) {
            sighting.put("last_seen", StixTimestamp.formatMillis(last));
        }
        if (description != null) {
            sighting.put("description", description);
        }
        markingRefs.forEach(sighting.putArray("object_marking_refs")::add);
        return sighting;
    }

    /** Builds a {@link SightingReport}; not thread-safe. */
    public static final class Builder {
        private final String indicatorId;
        private long count = 1;
        private Instant firstSeen;
        private Instant lastSeen;
        private final List<String> markingRefs = new ArrayList<>();
        private String description;

        private Builder(String indicatorId) {
            this.indicatorId = indicatorId;
        }

        public Builder count(long value) {
            this.count = value;
            return this;
        }

        public Builder firstSeen(Instant value) {
            this.firstSeen = value;
            return this;
        }

        public Builder lastSeen(Instant value) {
            this.lastSeen = value;
            return this;
        }

        /** A TLP marking (replaces the default TLP:AMBER; add sharing groups with {@link #markingRef}). */
        public Builder marking(Tlp tlp) {
            markingRefs.removeIf(ref -> java.util.Arrays.stream(Tlp.values()).anyMatch(t -> t.id().equals(ref)));
            markingRefs.add(tlp.id());
            return this;
        }

        /** Another marking-definition reference, e.g. a sharing group of docs/access-rules.md. */
        public Builder markingRef(String id) {
            markingRefs.add(id);
            return this;
        }

        public Builder description(String value) {
            this.description = value;
            return this;
        }

        public SightingReport build() {
            List<String> refs = new ArrayList<>(markingRefs);
            if (refs.stream().noneMatch(ref -> java.util.Arrays.stream(Tlp.values()).anyMatch(t -> t.id().equals(ref)))) {
                refs.add(0, Tlp.AMBER.id());
            }
            return new SightingReport(indicatorId, count, firstSeen, lastSeen, refs, description);
        }
    }
}
