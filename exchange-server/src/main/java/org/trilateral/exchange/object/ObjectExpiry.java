package org.trilateral.exchange.object;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.trilateral.exchange.ledger.ExpiryEntry;
import org.trilateral.exchange.ledger.TransparencyLog;
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
    private final TransparencyLog transparencyLog;
    private final TransactionalOperator transaction;
    private final ExpiryProperties properties;
    private final Clock clock;
    private final Counter announced;

    ObjectExpiry(ObjectStore store, TransparencyLog transparencyLog, TransactionalOperator transaction,
                 ExpiryProperties properties, Clock clock, MeterRegistry metrics) {
        this.store = store;
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
        return store.collectionsWithDueExpiries(now)
                .sort()
                .concatMap(collection -> drain(collection, now))
                .reduce(0L, Long::sum);
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
                .thenMany(store.dueExpiries(collectionId, now, properties.batchSize()))
                .collectList()
                .flatMap(due -> due.isEmpty() ? Mono.just(0L)
                        : transparencyLog.appendExpiries(due.stream().map(version -> new ExpiryEntry(collectionId,
                                        version.id(), version.versionText(), version.sha256(), version.validUntil(),
                                        version.audience())).toList())
                                .then(store.markExpiryLogged(due))
                                .thenReturn((long) due.size()))
                .as(transaction::transactional)
                .doOnNext(announced::increment);
    }
}
