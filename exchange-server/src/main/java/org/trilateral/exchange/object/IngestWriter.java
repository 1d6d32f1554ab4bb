package org.trilateral.exchange.object;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.trilateral.exchange.access.Reader;
import org.trilateral.exchange.collection.TaxiiCollection;
import org.trilateral.exchange.member.Member;
import org.trilateral.exchange.status.IngestStatus;
import org.trilateral.exchange.status.StatusDetail;
import org.trilateral.exchange.status.StatusStore;
import reactor.core.publisher.Mono;

/**
 * Carries out an {@link IngestDecision}: stores the accepted objects, appends the transparency-log leaves of the added
 * versions (docs/transparency-log.md) and records the status resource (TAXII 2.1 §4.3) that reports every object, all
 * in one transaction.
 */
@Component
class IngestWriter {

    private final ObjectStore store;
    private final ObjectVersionLog versionLog;
    private final StatusStore statuses;
    private final TransactionalOperator transaction;

    IngestWriter(ObjectStore store, ObjectVersionLog versionLog, StatusStore statuses, TransactionalOperator transaction) {
        this.store = store;
        this.versionLog = versionLog;
        this.statuses = statuses;
        this.transaction = transaction;
    }

    Mono<IngestStatus> write(TaxiiCollection collection, Member publisher, IngestDecision decision) {
        return store.store(collection.id(), decision.accepted(), Reader.of(publisher))
                .flatMap(outcomes -> versionLog.record(collection.id(), publisher, outcomes, decision.signatures())
                        .flatMap(logIndexes -> statuses.save(status(collection, publisher, decision, outcomes, logIndexes))))
                .as(transaction::transactional);
    }

    private static IngestStatus status(TaxiiCollection collection, Member publisher, IngestDecision decision,
                                       List<StoreOutcome> outcomes, Map<Integer, Long> logIndexes) {
        List<Entry> entries = new ArrayList<>();
        for (IngestDecision.Refused refused : decision.refused()) {
            entries.add(new Entry(refused.index(), false, new StatusDetail(refused.id(), refused.version(), refused.reason())));
        }
        for (StoreOutcome outcome : outcomes) {
            IncomingObject object = outcome.object();
            StatusDetail detail = switch (outcome.kind()) {
                case ADDED -> new StatusDetail(object.id(), outcome.versionText(), null, logIndexes.get(object.index()));
                case ALREADY_STORED -> new StatusDetail(object.id(), outcome.versionText(),
                        "this version was already stored; nothing changed", logIndexes.get(object.index()));
                case CONFLICT -> new StatusDetail(object.id(), outcome.versionText(),
                        "a different object with this id and version is already stored; publish a new version (a later modified) instead");
                case OTHER_PUBLISHER -> new StatusDetail(object.id(), outcome.versionText(),
                        "this object was published by another member; only its creator may add versions (STIX 2.1 §3.6)");
            };
            boolean success = outcome.kind() == StoreOutcome.Kind.ADDED || outcome.kind() == StoreOutcome.Kind.ALREADY_STORED;
            entries.add(new Entry(object.index(), success, detail));
        }
        entries.sort((a, b) -> Integer.compare(a.index(), b.index()));
        List<StatusDetail> successes = entries.stream().filter(Entry::success).map(Entry::detail).toList();
        List<StatusDetail> failures = entries.stream().filter(e -> !e.success()).map(Entry::detail).toList();
        return new IngestStatus(UUID.randomUUID(), collection.id(), decision.decidedAt(), successes, failures, List.of(),
                publisher.id());
    }

    private record Entry(int index, boolean success, StatusDetail detail) {
    }
}
