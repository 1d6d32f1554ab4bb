package org.trilateral.exchange.advisory;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.trilateral.exchange.access.AudienceCondition;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Advisories as PostgreSQL holds them: the current versions of the advisory collection's reports ({@code stix_object},
 * V1/V3), read through the access package's {@link AudienceCondition} exactly as TAXII reads them, and their receipts
 * ({@code advisory_receipt}, V52).
 */
@Repository
class AdvisoryStore {

    private static final String COLUMNS = "stix_id, version_text, seq, body, publisher_id, tlp, date_added, revoked";

    private final DatabaseClient db;

    AdvisoryStore(DatabaseClient db) {
        this.db = db;
    }

    /** The current versions of the collection's reports that {@code audience} lets read, newest first, before {@code beforeSeq}. */
    Flux<StoredAdvisory> page(String collectionId, AudienceCondition audience, long beforeSeq, int limit) {
        return bind(db.sql("SELECT " + COLUMNS + " FROM stix_object WHERE collection_id = :collection"
                        + " AND stix_type = 'report' AND is_latest AND seq < :before AND (" + audience.sql() + ")"
                        + " ORDER BY seq DESC LIMIT :limit"), audience)
                .bind("collection", collectionId).bind("before", beforeSeq).bind("limit", limit)
                .map((row, meta) -> advisory(row)).all();
    }

    /** The current version of report {@code id}, when {@code audience} lets read it. */
    Mono<StoredAdvisory> find(String collectionId, String id, AudienceCondition audience) {
        return bind(db.sql("SELECT " + COLUMNS + " FROM stix_object WHERE collection_id = :collection"
                        + " AND stix_type = 'report' AND stix_id = :id AND is_latest AND (" + audience.sql() + ")"), audience)
                .bind("collection", collectionId).bind("id", id)
                .map((row, meta) -> advisory(row)).one();
    }

    /**
     * The current version of each of {@code ids} that {@code audience} lets read in one of {@code collectionIds} (the
     * advisory collection's copy preferred), as {@code id → body}.
     */
    Mono<Map<String, String>> referenced(List<String> ids, List<String> collectionIds, String preferred,
                                         AudienceCondition audience) {
        if (ids.isEmpty()) {
            return Mono.just(Map.of());
        }
        return bind(db.sql("SELECT DISTINCT ON (stix_id) stix_id, body FROM stix_object WHERE stix_id = ANY(:ids)"
                        + " AND collection_id = ANY(:collections) AND is_latest AND (" + audience.sql() + ")"
                        + " ORDER BY stix_id, (collection_id = :preferred) DESC, seq DESC"), audience)
                .bind("ids", ids.toArray(String[]::new))
                .bind("collections", collectionIds.toArray(String[]::new))
                .bind("preferred", preferred)
                .map((row, meta) -> Map.entry(row.get("stix_id", String.class), row.get("body", String.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /** Records that {@code memberId}'s system received the version; the first receipt is kept. */
    Mono<Receipt> systemReceived(String reportId, String version, String memberId, ReceiptChannel channel, Instant at) {
        return db.sql("INSERT INTO advisory_receipt (report_id, report_version, member_id, system_received_at,"
                        + " system_channel) VALUES (:id, :version, :member, :at, :channel)"
                        + " ON CONFLICT (report_id, report_version, member_id) DO UPDATE SET"
                        + " system_received_at = coalesce(advisory_receipt.system_received_at, EXCLUDED.system_received_at),"
                        + " system_channel = coalesce(advisory_receipt.system_channel, EXCLUDED.system_channel)"
                        + " RETURNING *")
                .bind("id", reportId).bind("version", version).bind("member", memberId)
                .bind("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).bind("channel", channel.value())
                .map((row, meta) -> receipt(row)).one();
    }

    /** Records that a person of {@code memberId} acknowledged the version; the first acknowledgement is kept. */
    Mono<Receipt> personAcknowledged(String reportId, String version, String memberId, String issuer, String subject,
                                     Instant at) {
        return db.sql("INSERT INTO advisory_receipt (report_id, report_version, member_id, person_acknowledged_at,"
                        + " person_issuer, person_subject) VALUES (:id, :version, :member, :at, :issuer, :subject)"
                        + " ON CONFLICT (report_id, report_version, member_id) DO UPDATE SET"
                        + " person_issuer = CASE WHEN advisory_receipt.person_acknowledged_at IS NULL"
                        + " THEN EXCLUDED.person_issuer ELSE advisory_receipt.person_issuer END,"
                        + " person_subject = CASE WHEN advisory_receipt.person_acknowledged_at IS NULL"
                        + " THEN EXCLUDED.person_subject ELSE advisory_receipt.person_subject END,"
                        + " person_acknowledged_at = coalesce(advisory_receipt.person_acknowledged_at,"
                        + " EXCLUDED.person_acknowledged_at)"
                        + " RETURNING *")
                .bind("id", reportId).bind("version", version).bind("member", memberId)
                .bind("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).bind("issuer", issuer).bind("subject", subject)
                .map((row, meta) -> receipt(row)).one();
    }

    /** Every receipt recorded for the version, by member id. */
    Mono<Map<String, Receipt>> receipts(String reportId, String version) {
        return db.sql("SELECT * FROM advisory_receipt WHERE report_id = :id AND report_version = :version")
                .bind("id", reportId).bind("version", version)
                .map((row, meta) -> receipt(row)).all()
                .collectMap(Receipt::memberId);
    }

    /** Whether {@code audience} lets read report version {@code id}/{@code version} (the receipts list's entitlement). */
    Mono<Boolean> readable(String collectionId, String id, String version, AudienceCondition audience) {
        return bind(db.sql("SELECT count(*) AS n FROM stix_object WHERE collection_id = :collection AND stix_id = :id"
                        + " AND version_text = :version AND (" + audience.sql() + ")"), audience)
                .bind("collection", collectionId).bind("id", id).bind("version", version)
                .map((row, meta) -> row.get("n", Long.class) > 0).one();
    }

    private static DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec, AudienceCondition audience) {
        for (Map.Entry<String, Object> bind : audience.binds().entrySet()) {
            spec = spec.bind(bind.getKey(), bind.getValue());
        }
        return spec;
    }

    private static StoredAdvisory advisory(Readable row) {
        return new StoredAdvisory(row.get("stix_id", String.class), row.get("version_text", String.class),
                row.get("seq", Long.class), row.get("body", String.class), row.get("publisher_id", String.class),
                row.get("tlp", String.class), row.get("date_added", OffsetDateTime.class).toInstant(),
                Boolean.TRUE.equals(row.get("revoked", Boolean.class)));
    }

    private static Receipt receipt(Readable row) {
        return new Receipt(row.get("member_id", String.class), row.get("report_version", String.class),
                Optional.ofNullable(row.get("system_received_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant),
                Optional.ofNullable(row.get("system_channel", String.class)).flatMap(ReceiptChannel::of),
                Optional.ofNullable(row.get("person_acknowledged_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant),
                Optional.ofNullable(row.get("person_issuer", String.class)),
                Optional.ofNullable(row.get("person_subject", String.class)));
    }
}
