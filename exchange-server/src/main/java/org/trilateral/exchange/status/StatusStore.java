package org.trilateral.exchange.status;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.trilateral.exchange.member.MemberId;
import org.trilateral.taxonomy.stix.StixJson;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;

/** Status resources in PostgreSQL. */
@Repository
public class StatusStore {

    private static final TypeReference<List<StatusDetail>> DETAILS = new TypeReference<>() {
    };

    private final DatabaseClient db;

    public StatusStore(DatabaseClient db) {
        this.db = db;
    }

    public Mono<IngestStatus> save(IngestStatus status) {
        return db.sql("INSERT INTO ingest_status (id, collection_id, request_timestamp, total_count, success_count,"
                        + " failure_count, pending_count, successes, failures, pendings, posted_by)"
                        + " VALUES (:id, :collection, :requested, :total, :success, :failure, :pending, :successes, :failures,"
                        + " :pendings, :postedBy)")
                .bind("id", status.id())
                .bind("collection", status.collectionId())
                .bind("requested", OffsetDateTime.ofInstant(status.requestTimestamp(), ZoneOffset.UTC))
                .bind("total", status.totalCount())
                .bind("success", status.successes().size())
                .bind("failure", status.failures().size())
                .bind("pending", status.pendings().size())
                .bind("successes", json(status.successes()))
                .bind("failures", json(status.failures()))
                .bind("pendings", json(status.pendings()))
                .bind("postedBy", status.postedBy().value())
                .fetch().rowsUpdated()
                .thenReturn(status);
    }

    public Mono<IngestStatus> find(UUID id) {
        return db.sql("SELECT id, collection_id, request_timestamp, successes, failures, pendings, posted_by FROM ingest_status WHERE id = :id")
                .bind("id", id)
                .map((row, meta) -> new IngestStatus(
                        row.get("id", UUID.class),
                        row.get("collection_id", String.class),
                        row.get("request_timestamp", OffsetDateTime.class).toInstant(),
                        details(row.get("successes", String.class)),
                        details(row.get("failures", String.class)),
                        details(row.get("pendings", String.class)),
                        new MemberId(row.get("posted_by", String.class))))
                .one();
    }

    private static String json(List<StatusDetail> details) {
        return StixJson.mapper().writeValueAsString(details);
    }

    private static List<StatusDetail> details(String json) {
        return StixJson.mapper().readValue(json, DETAILS);
    }
}
