package org.trilateral.exchange.status;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.r2dbc.core.DatabaseClient;
import org.trilateral.exchange.error.RefusalReasons;
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
    private final MeterRegistry metrics;

    public StatusStore(DatabaseClient db, MeterRegistry metrics) {
        this.db = db;
        this.metrics = metrics;
    }

    /** Saves the statuses of envelopes written together, in one statement. */
    public Mono<List<IngestStatus>> saveAll(List<IngestStatus> statuses) {
        if (statuses.size() == 1) {
            return save(statuses.get(0)).map(List::of);
        }
        int n = statuses.size();
        String[] id = new String[n];
        String[] collection = new String[n];
        String[] requested = new String[n];
        Integer[] total = new Integer[n];
        Integer[] success = new Integer[n];
        Integer[] failure = new Integer[n];
        Integer[] pending = new Integer[n];
        String[] successes = new String[n];
        String[] failures = new String[n];
        String[] pendings = new String[n];
        String[] postedBy = new String[n];
        for (int i = 0; i < n; i++) {
            IngestStatus status = statuses.get(i);
            id[i] = status.id().toString();
            collection[i] = status.collectionId();
            requested[i] = status.requestTimestamp().toString();
            total[i] = status.totalCount();
            success[i] = status.successes().size();
            failure[i] = status.failures().size();
            pending[i] = status.pendings().size();
            successes[i] = json(status.successes());
            failures[i] = json(status.failures());
            pendings[i] = json(status.pendings());
            postedBy[i] = status.postedBy().value();
        }
        return db.sql("INSERT INTO ingest_status (id, collection_id, request_timestamp, total_count, success_count,"
                        + " failure_count, pending_count, successes, failures, pendings, posted_by)"
                        + " SELECT CAST(t.id AS uuid), t.collection, CAST(t.requested AS timestamptz), t.total, t.success,"
                        + " t.failure, t.pending, t.successes, t.failures,"
                        + " t.pendings, t.posted_by"
                        + " FROM unnest(CAST(:id AS text[]), CAST(:collection AS text[]), CAST(:requested AS text[]),"
                        + " CAST(:total AS integer[]), CAST(:success AS integer[]), CAST(:failure AS integer[]),"
                        + " CAST(:pending AS integer[]), CAST(:successes AS text[]), CAST(:failures AS text[]),"
                        + " CAST(:pendings AS text[]), CAST(:postedBy AS text[]))"
                        + " AS t(id, collection, requested, total, success, failure, pending, successes, failures, pendings,"
                        + " posted_by)")
                .bind("id", id)
                .bind("collection", collection)
                .bind("requested", requested)
                .bind("total", total)
                .bind("success", success)
                .bind("failure", failure)
                .bind("pending", pending)
                .bind("successes", successes)
                .bind("failures", failures)
                .bind("pendings", pendings)
                .bind("postedBy", postedBy)
                .fetch().rowsUpdated()
                .doOnSuccess(rows -> statuses.forEach(this::count))
                .thenReturn(statuses);
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
                .doOnSuccess(rows -> count(status))
                .thenReturn(status);
    }

    /**
     * Metrics {@code exchange.ingest.objects} (by collection and outcome) and {@code exchange.ingest.refusals} (by
     * collection and reason, signature failures as {@code signature}): every posted object ends in one status.
     */
    private void count(IngestStatus status) {
        String collection = status.collectionId();
        objects(collection, "accepted").increment(status.successes().size());
        objects(collection, "refused").increment(status.failures().size());
        objects(collection, "pending").increment(status.pendings().size());
        for (StatusDetail failure : status.failures()) {
            Counter.builder("exchange.ingest.refusals").description("Objects refused at ingest, by reason")
                    .tag("collection", collection).tag("reason", RefusalReasons.ofObject(failure.message()))
                    .register(metrics).increment();
        }
    }

    private Counter objects(String collection, String outcome) {
        return Counter.builder("exchange.ingest.objects").description("Objects posted, by outcome")
                .tag("collection", collection).tag("outcome", outcome).register(metrics);
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
