package org.trilateral.exchange.object;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.trilateral.exchange.ledger.ExpiryEntry;
import org.trilateral.exchange.ledger.LeafAudience;
import org.trilateral.exchange.ledger.TransparencyLog;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Announces expiries: each object version whose {@code valid_until} (STIX 2.1 §4.7) has passed while it is its
 * object's latest version and not revoked gets an expiry leaf in the transparency log, with the version's audience,
 * once. The leaf gives the expiry a position in the log's order, so streams, webhooks and the change feed tell it to
 * the version's readers like an addition or a deletion (docs/delivery.md "Expiry"). The version stays stored.
 *
 * <p>One transaction per collection and batch: the collection's ingest lock first, then the due rows, the log's lock
 * (in {@link TransparencyLog#append}) and the mark, the order every writer of objects and the log follows. The mark
 * ({@code expiry_logged}, V55) commits with the leaves, so an expiry is logged once however many instances look.
 * Counted in {@code exchange.expiry.announced}.
 */
@Component
public class ObjectExpiry {

    private static final Logger log = LoggerFactory.getLogger(ObjectExpiry.class);

    private final ObjectStore store;
    private final DatabaseClient db;
    private final TransparencyLog transparencyLog;
    private final TransactionalOperator transaction;
    private final ExpiryProperties properties;
    private final Clock clock;
    private final Counter announced;

    ObjectExpiry(ObjectStore store, DatabaseClient db, TransparencyLog transparencyLog, TransactionalOperator transaction,
                 ExpiryProperties properties, Clock clock, MeterRegistry metrics) {
        this.store = store;
        this.db = db;
        this.transparencyLog = transparencyLog;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
        this.announced = Counter.builder("exchange.expiry.announced")
                .description("Expiry leaves appended to the transparency log").register(metrics);
    }

    /** Announces every expiry due now; answers how many were announced. */
    public Mono<Long> runOnce() {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        return dueCollections(now)
                .concatMap(collection -> drain(collection, now))
                .reduce(0L, Long::sum);
    }

    /** The collections that hold a due expiry (the partial index of V55 answers this from its head). */
    private Flux<String> dueCollections(OffsetDateTime now) {
        return db.sql("SELECT DISTINCT collection_id FROM stix_object WHERE valid_until IS NOT NULL AND valid_until <= :now"
                        + " AND is_latest AND NOT revoked AND NOT expiry_logged")
                .bind("now", now)
                .map((row, meta) -> row.get("collection_id", String.class))
                .all()
                .sort();
    }

    private Mono<Long> drain(String collectionId, OffsetDateTime now) {
        return batch(collectionId, now)
                .expand(count -> count == properties.batchSize() ? batch(collectionId, now) : Mono.empty())
                .reduce(0L, Long::sum)
                .doOnNext(count -> {
                    if (count > 0) {
                        log.info("Announced the expiry of {} object version(s) of collection {}", count, collectionId);
                    }
                });
    }

    private Mono<Long> batch(String collectionId, OffsetDateTime now) {
        return store.lock(collectionId)
                .thenMany(due(collectionId, now))
                .collectList()
                .flatMap(due -> due.isEmpty() ? Mono.just(0L)
                        : transparencyLog.appendExpiries(due.stream().map(DueExpiry::entry).toList())
                                .then(markLogged(due))
                                .thenReturn((long) due.size()))
                .as(transaction::transactional)
                .doOnNext(announced::increment);
    }

    /** A version whose expiry is due, and its row. */
    private record DueExpiry(long seq, ExpiryEntry entry) {
    }

    private Flux<DueExpiry> due(String collectionId, OffsetDateTime now) {
        // valid_until as the object states it, for the leaf: the column is its parsed value (V43).
        return db.sql("SELECT seq, stix_id, version_text, content_sha256, publisher_id, tlp, recipients, sharing_groups,"
                        + " CAST(body AS jsonb) ->> 'valid_until' AS valid_until_text FROM stix_object"
                        + " WHERE collection_id = :collection AND valid_until IS NOT NULL AND valid_until <= :now"
                        + " AND is_latest AND NOT revoked AND NOT expiry_logged"
                        + " ORDER BY valid_until, seq LIMIT :limit FOR UPDATE")
                .bind("collection", collectionId)
                .bind("now", now)
                .bind("limit", properties.batchSize())
                .map((row, meta) -> {
                    String[] recipients = row.get("recipients", String[].class);
                    String[] groups = row.get("sharing_groups", String[].class);
                    String publisher = row.get("publisher_id", String.class);
                    LeafAudience audience = new LeafAudience(publisher == null ? "" : publisher, row.get("tlp", String.class),
                            recipients == null ? null : List.of(recipients), Set.of(groups));
                    return new DueExpiry(row.get("seq", Long.class), new ExpiryEntry(collectionId,
                            row.get("stix_id", String.class), row.get("version_text", String.class),
                            row.get("content_sha256", byte[].class), row.get("valid_until_text", String.class), audience));
                })
                .all();
    }

    private Mono<Void> markLogged(List<DueExpiry> due) {
        return db.sql("UPDATE stix_object SET expiry_logged = TRUE WHERE seq = ANY(:seqs)")
                .bind("seqs", due.stream().mapToLong(DueExpiry::seq).boxed().toArray(Long[]::new))
                .fetch().rowsUpdated().then();
    }
}
