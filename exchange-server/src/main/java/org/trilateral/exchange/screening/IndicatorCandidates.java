package org.trilateral.exchange.screening;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.trilateral.exchange.access.AudienceCondition;
import org.trilateral.exchange.access.Reader;
import reactor.core.publisher.Flux;

/**
 * Reads the latest versions of sightings that a reader may read, in the collections it may read, from the object
 * store's table: nothing else is ever looked at, which is what makes screening answer the same whether an unreadable
 * sighting exists or not. Sightings are pre-selected by a substring of their body and checked by the caller.
 */
@Repository
class IndicatorCandidates {

    /** An indicator version as screening needs it (found by {@link ScreeningIndex}). */
    record Candidate(String collectionId, String stixId, String body) {
    }

    /** A sighting of an indicator. */
    record Sighting(String body) {
    }

    private final DatabaseClient db;

    IndicatorCandidates(DatabaseClient db) {
        this.db = db;
    }

    /** Sightings that name one of {@code indicatorIds}. */
    Flux<Sighting> sightings(Reader reader, Collection<String> collections, Collection<String> indicatorIds) {
        if (collections.isEmpty() || indicatorIds.isEmpty()) {
            return Flux.empty();
        }
        return select(reader, collections, "sighting", indicatorIds.stream().map(id -> "%" + escape(id) + "%").toList())
                .map((row, meta) -> new Sighting(row.get("body", String.class)))
                .all();
    }

    private DatabaseClient.GenericExecuteSpec select(Reader reader, Collection<String> collections, String type, List<String> likes) {
        AudienceCondition audience = AudienceCondition.readableBy(reader);
        DatabaseClient.GenericExecuteSpec spec = db.sql("SELECT collection_id, stix_id, body FROM stix_object"
                        + " WHERE is_latest AND stix_type = :type AND collection_id = ANY(:collections)"
                        + " AND body LIKE ANY(:likes) AND " + audience.sql())
                .bind("type", type)
                .bind("collections", collections.toArray(String[]::new))
                .bind("likes", likes.toArray(String[]::new));
        Map<String, Object> binds = new HashMap<>(audience.binds());
        for (Map.Entry<String, Object> bind : binds.entrySet()) {
            spec = spec.bind(bind.getKey(), bind.getValue());
        }
        return spec;
    }

    /** LIKE's own wildcards and escape character, taken literally. */
    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
