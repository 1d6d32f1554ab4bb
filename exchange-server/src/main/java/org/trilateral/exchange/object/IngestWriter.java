package org.trilateral.exchange.object;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.trilateral.exchange.access.Reader;
import org.trilateral.exchange.member.Member;
import org.trilateral.exchange.member.MemberId;
import org.trilateral.exchange.status.IngestStatus;
import org.trilateral.exchange.status.StatusDetail;
import org.trilateral.exchange.status.StatusStore;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Carries out the {@link IngestDecision}s of envelopes written together ({@link GroupCommit}), in one transaction:
 * takes their collections' locks, plans each envelope's versions against what is stored ({@link VersionPlan}),
 * stores the added versions in one statement, appends their transparency-log leaves as one batch with one checkpoint
 * (docs/transparency-log.md) and records each envelope's status resource (TAXII 2.1 §4.3). The statements do not
 * grow with the number of envelopes, only with the number of collections and publishers among them.
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

    /**
     * Writes the envelopes, which name no object id in common, and answers their statuses in order.
     */
    Mono<List<IngestStatus>> write(List<PendingEnvelope> envelopes) {
        return Mono.defer(() -> {
            // Collection locks in the order of their ids, then the log's: writers never wait for each other in a circle.
            TreeSet<String> collections = new TreeSet<>();
            envelopes.forEach(e -> collections.add(e.collection().id()));
            return Flux.fromIterable(collections).concatMap(store::lock).then(existingVersions(envelopes))
                    .flatMap(existing -> {
                        List<VersionPlan> plans = new ArrayList<>(envelopes.size());
                        for (PendingEnvelope envelope : envelopes) {
                            // Each envelope is planned against the stored versions of its own ids, as its publisher
                            // reads them.
                            Map<String, List<VersionPlan.Stored>> own = new HashMap<>();
                            envelope.ids().forEach(id -> own.put(id, existing.getOrDefault(id, List.of())));
                            plans.add(VersionPlan.of(envelope.decision().accepted(), own, envelope.collection().id()));
                        }
                        return store(envelopes, plans);
                    })
                    .flatMap(outcomes -> logAndReport(envelopes, outcomes));
        }).as(transaction::transactional);
    }

    /** Every stored version of the ids the envelopes name, each publisher's asked with its own read rule. */
    private Mono<Map<String, List<VersionPlan.Stored>>> existingVersions(List<PendingEnvelope> envelopes) {
        Map<MemberId, List<String>> idsByPublisher = new LinkedHashMap<>();
        Map<MemberId, Member> publishers = new HashMap<>();
        for (PendingEnvelope envelope : envelopes) {
            if (envelope.objects() == 0) {
                continue;
            }
            publishers.put(envelope.publisher().id(), envelope.publisher());
            idsByPublisher.computeIfAbsent(envelope.publisher().id(), k -> new ArrayList<>()).addAll(envelope.ids());
        }
        return Flux.fromIterable(idsByPublisher.entrySet())
                .concatMap(entry -> store.existingVersions(entry.getValue().toArray(String[]::new),
                        Reader.of(publishers.get(entry.getKey()))))
                .collectList()
                .map(maps -> {
                    // The envelopes name no id in common, so the publishers' answers are about different ids.
                    Map<String, List<VersionPlan.Stored>> all = new HashMap<>();
                    maps.forEach(all::putAll);
                    return all;
                });
    }

    /** Allocates slots per collection, inserts every added version at once; answers each envelope's outcomes. */
    private Mono<List<List<StoreOutcome>>> store(List<PendingEnvelope> envelopes, List<VersionPlan> plans) {
        Map<String, Integer> counts = new TreeMap<>();
        for (int e = 0; e < envelopes.size(); e++) {
            if (!plans.get(e).added().isEmpty()) {
                counts.merge(envelopes.get(e).collection().id(), plans.get(e).added().size(), Integer::sum);
            }
        }
        return Flux.fromIterable(counts.entrySet())
                .concatMap(entry -> store.allocate(entry.getKey(), entry.getValue()).map(slots -> Map.entry(entry.getKey(), slots)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .flatMap(slotsByCollection -> {
                    Map<String, Integer> used = new HashMap<>();
                    List<ObjectStore.NewVersion> versions = new ArrayList<>();
                    List<List<StoreOutcome>> outcomes = new ArrayList<>(envelopes.size());
                    Map<String, List<String>> refresh = new TreeMap<>();
                    for (int e = 0; e < envelopes.size(); e++) {
                        String collection = envelopes.get(e).collection().id();
                        VersionPlan plan = plans.get(e);
                        List<java.time.Instant> added = new ArrayList<>(plan.added().size());
                        for (IncomingObject object : plan.added()) {
                            int at = used.merge(collection, 1, Integer::sum) - 1;
                            ObjectStore.Slot slot = slotsByCollection.get(collection).get(at);
                            versions.add(new ObjectStore.NewVersion(collection, object, slot));
                            added.add(slot.dateAdded());
                        }
                        outcomes.add(plan.outcomes(added));
                        if (!plan.added().isEmpty()) {
                            refresh.computeIfAbsent(collection, k -> new ArrayList<>()).addAll(plan.idsWithSeveralVersions());
                        }
                    }
                    Mono<Void> insert = versions.isEmpty() ? Mono.empty() : store.insert(versions);
                    return insert
                            .then(Flux.fromIterable(refresh.entrySet())
                                    .filter(entry -> !entry.getValue().isEmpty())
                                    .concatMap(entry -> store.refreshFirstAndLast(entry.getKey(), entry.getValue()))
                                    .then())
                            .thenReturn(outcomes);
                });
    }

    private Mono<List<IngestStatus>> logAndReport(List<PendingEnvelope> envelopes, List<List<StoreOutcome>> outcomes) {
        List<ObjectVersionLog.StoredEnvelope> stored = new ArrayList<>(envelopes.size());
        for (int e = 0; e < envelopes.size(); e++) {
            PendingEnvelope envelope = envelopes.get(e);
            stored.add(new ObjectVersionLog.StoredEnvelope(envelope.collection().id(), envelope.publisher(),
                    outcomes.get(e), envelope.decision().signatures()));
        }
        return versionLog.record(stored).flatMap(logIndexes -> {
            List<IngestStatus> all = new ArrayList<>(envelopes.size());
            for (int e = 0; e < envelopes.size(); e++) {
                all.add(status(envelopes.get(e), outcomes.get(e), logIndexes.get(e)));
            }
            return statuses.saveAll(all);
        });
    }

    private static IngestStatus status(PendingEnvelope envelope, List<StoreOutcome> outcomes, Map<Integer, Long> logIndexes) {
        IngestDecision decision = envelope.decision();
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
        return new IngestStatus(UUID.randomUUID(), envelope.collection().id(), decision.decidedAt(), successes, failures,
                List.of(), envelope.publisher().id());
    }

    private record Entry(int index, boolean success, StatusDetail detail) {
    }
}
