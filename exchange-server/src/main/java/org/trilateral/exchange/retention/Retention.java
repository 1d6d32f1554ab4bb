package org.trilateral.exchange.retention;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.trilateral.exchange.collection.CollectionRegistry;
import org.trilateral.exchange.collection.TaxiiCollection;
import org.trilateral.exchange.object.ObjectDeletion;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs the retention rules: finds the objects each rule expires and deletes them through {@link ObjectDeletion}, so
 * each removed version gets a tombstone with {@code deleted_by: retention} in the same transaction (TAXII 2.1 §5.7
 * semantics: the objects disappear from every read; the log keeps their leaves and says they were removed, not lost).
 * Counted in {@code exchange.retention.removed}.
 */
@Component
public class Retention {

    /** The {@code deleted_by} of a tombstone written by retention. */
    public static final String DELETED_BY = "retention";

    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final List<ResolvedRule> rules;
    private final RetentionProperties properties;
    private final DatabaseClient db;
    private final ObjectDeletion deletion;
    private final Clock clock;
    private final MeterRegistry metrics;

    Retention(RetentionProperties properties, CollectionRegistry collections, DatabaseClient db, ObjectDeletion deletion,
              Clock clock, MeterRegistry metrics) {
        this.properties = properties;
        this.db = db;
        this.deletion = deletion;
        this.clock = clock;
        this.metrics = metrics;
        // A rule naming no collection is a configuration mistake: refused at start, not ignored at 3 a.m.
        this.rules = properties.rules().stream().map(rule -> new ResolvedRule(rule, collections.find(rule.collection())
                .orElseThrow(() -> new IllegalStateException("exchange.retention names collection '" + rule.collection()
                        + "', which this exchange does not have; its collections: "
                        + collections.all().stream().map(TaxiiCollection::alias).toList())))).toList();
    }

    /** Whether any rule is configured. */
    boolean configured() {
        return !rules.isEmpty();
    }

    /** Runs every rule until nothing more is expired; answers how many objects were removed. */
    public Mono<Long> runOnce() {
        Instant now = clock.instant();
        return Flux.fromIterable(rules).concatMap(rule -> drain(rule, now)).reduce(0L, Long::sum);
    }

    private Mono<Long> drain(ResolvedRule rule, Instant now) {
        Instant cutoff = now.minus(rule.rule().expiredAfter());
        return batch(rule, cutoff)
                .expand(removed -> removed == properties.batchSize() ? batch(rule, cutoff) : Mono.empty())
                .reduce(0L, Long::sum)
                .doOnNext(removed -> {
                    if (removed > 0) {
                        log.info("Retention removed {} object(s) of {} from collection '{}' (expired before {})", removed,
                                rule.rule().types(), rule.collection().alias(), cutoff);
                    }
                });
    }

    /** One batch: the ids found, each deleted in its own transaction; answers how many ids were found. */
    private Mono<Long> batch(ResolvedRule rule, Instant cutoff) {
        return expired(rule, cutoff)
                .concatMap(id -> deletion.deleteAllVersions(rule.collection(), id, DELETED_BY)
                        .doOnNext(versions -> Counter.builder("exchange.retention.removed")
                                .description("Object versions removed by retention")
                                .tag("collection", rule.collection().alias())
                                .register(metrics).increment(versions)))
                .count();
    }

    /** Objects whose current version expired before {@code cutoff}. */
    private Flux<String> expired(ResolvedRule rule, Instant cutoff) {
        // valid_until is a STIX timestamp (RFC 3339, UTC), which PostgreSQL reads as timestamptz.
        return db.sql("SELECT stix_id FROM stix_object WHERE collection_id = :collection AND is_latest"
                        + " AND stix_type = ANY(:types) AND (body::jsonb ->> 'valid_until')::timestamptz < :cutoff"
                        + " ORDER BY seq LIMIT :limit")
                .bind("collection", rule.collection().id())
                .bind("types", rule.rule().types().toArray(String[]::new))
                .bind("cutoff", OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC))
                .bind("limit", properties.batchSize())
                .map((row, meta) -> row.get("stix_id", String.class))
                .all();
    }

    private record ResolvedRule(RetentionProperties.Rule rule, TaxiiCollection collection) {
    }
}
