package org.trilateral.exchange.delivery;

import java.util.Map;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.trilateral.exchange.access.AudienceCondition;
import org.trilateral.exchange.ledger.LogReads;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Changes as the durable tables hold them: the log's leaves about object versions, deletions and expiries
 * ({@code log_leaf}, V10/V12/V55), each with the stored object ({@code stix_object}) when it is an added version that is still stored. The
 * read rule is the access package's {@link AudienceCondition} over the leaf's audience columns, the condition the
 * TAXII read paths and the log's read gate apply; nothing else decides who reads a change.
 */
@Repository
class ChangeStore {

    private final DatabaseClient db;

    ChangeStore(DatabaseClient db) {
        this.db = db;
    }

    /** The log's size: every leaf below it is committed, and none above it exists yet. */
    Mono<Long> head() {
        return db.sql("SELECT size FROM log_state WHERE id = 1").map((row, meta) -> row.get("size", Long.class)).one();
    }

    /**
     * The changes at positions {@code [from, to)} of the selected collections and types that {@code audience} lets
     * read, in position order, at most {@code limit}. An added version deleted since is left out (its deletion follows).
     */
    Flux<ChangeEvent> changes(AudienceCondition audience, ChangeSelection selection, long from, long to, int limit) {
        // The audience condition names log_leaf's columns unqualified: it is applied in the inner query, where
        // log_leaf is the only table, and stix_object is joined outside.
        String sql = "SELECT l.log_index, l.kind, l.stix_id, l.version, l.collection_id, l.leaf, l.entry, l.salt, o.body,"
                + " CASE WHEN o.body IS NULL THEN false"
                + " ELSE coalesce(CAST(o.body AS jsonb) -> 'revoked' = 'true'::jsonb, false) END AS revoked"
                + " FROM (SELECT log_index, kind, stix_id, version, collection_id, object_sha256, leaf, entry, salt"
                + " FROM log_leaf WHERE log_index >= :from AND log_index < :to AND gated"
                + " AND kind IN ('object-version', 'tombstone', 'expiry') AND collection_id = ANY(:collections)"
                + (selection.types().isEmpty() ? "" : " AND split_part(stix_id, '--', 1) = ANY(:types)")
                + " AND (" + audience.sql() + ")) l"
                + " LEFT JOIN stix_object o ON l.kind = 'object-version' AND o.collection_id = l.collection_id"
                + " AND o.stix_id = l.stix_id AND o.version_text = l.version AND o.content_sha256 = l.object_sha256"
                + " WHERE l.kind <> 'object-version' OR o.body IS NOT NULL"
                + " ORDER BY l.log_index LIMIT :limit";
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql)
                .bind("from", from)
                .bind("to", to)
                .bind("collections", selection.collectionIds().toArray(String[]::new))
                .bind("limit", limit);
        if (!selection.types().isEmpty()) {
            spec = spec.bind("types", selection.types().stream().sorted().toArray(String[]::new));
        }
        for (Map.Entry<String, Object> bind : audience.binds().entrySet()) {
            spec = spec.bind(bind.getKey(), bind.getValue());
        }
        return spec.map((row, meta) -> {
            long index = row.get("log_index", Long.class);
            String leafKind = row.get("kind", String.class);
            boolean version = "object-version".equals(leafKind);
            ChangeEvent.Kind kind = "tombstone".equals(leafKind) ? ChangeEvent.Kind.DELETED
                    : "expiry".equals(leafKind) ? ChangeEvent.Kind.EXPIRED
                    : Boolean.TRUE.equals(row.get("revoked", Boolean.class)) ? ChangeEvent.Kind.REVOKED : ChangeEvent.Kind.ADDED;
            return new ChangeEvent(index, kind, row.get("collection_id", String.class), row.get("stix_id", String.class),
                    row.get("version", String.class), Optional.ofNullable(version ? row.get("body", String.class) : null),
                    LogReads.openingText(index, row.get("leaf", String.class), row.get("entry", String.class),
                            row.get("salt", byte[].class)));
        }).all();
    }
}
