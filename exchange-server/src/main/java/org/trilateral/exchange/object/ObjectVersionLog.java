package org.trilateral.exchange.object;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.trilateral.exchange.access.Audience;
import org.trilateral.exchange.ledger.LeafAudience;
import org.trilateral.exchange.ledger.ObjectVersionEntry;
import org.trilateral.exchange.member.Member;
import org.trilateral.exchange.member.MemberId;
import org.trilateral.exchange.ledger.SignatureReference;
import org.trilateral.exchange.ledger.TransparencyLog;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Records an envelope's stored versions in the transparency log, in the ingest transaction: one leaf per added
 * version, as one batch; a version that was already stored keeps the index it was given then.
 */
@Component
class ObjectVersionLog {

    private final TransparencyLog log;

    ObjectVersionLog(TransparencyLog log) {
        this.log = log;
    }

    /**
     * What one envelope stored, for its leaves.
     *
     * @param signatures the first signature of each signed object, by its index in the envelope
     */
    record StoredEnvelope(String collectionId, Member publisher, List<StoreOutcome> outcomes,
                          Map<Integer, SignatureReference> signatures) {
    }

    /**
     * Appends one leaf per added version of every envelope, all as one batch with one checkpoint, and finds the index
     * of each version that was already stored.
     *
     * @return for each envelope, in order, the log index of each added or already-stored object by its index in the
     *     envelope
     */
    Mono<List<Map<Integer, Long>>> record(List<StoredEnvelope> envelopes) {
        List<ObjectVersionEntry> entries = new ArrayList<>();
        List<List<StoreOutcome>> added = new ArrayList<>();
        List<List<StoreOutcome>> stored = new ArrayList<>();
        for (StoredEnvelope envelope : envelopes) {
            List<StoreOutcome> own = new ArrayList<>();
            List<StoreOutcome> already = new ArrayList<>();
            for (StoreOutcome outcome : envelope.outcomes()) {
                switch (outcome.kind()) {
                    case ADDED -> own.add(outcome);
                    case ALREADY_STORED -> already.add(outcome);
                    default -> { }
                }
            }
            for (StoreOutcome o : own) {
                entries.add(new ObjectVersionEntry(envelope.collectionId(), o.object().id(), o.versionText(),
                        o.object().sha256(), envelope.publisher().identityId(),
                        Optional.ofNullable(envelope.signatures().get(o.object().index())), leafAudience(o.object())));
            }
            added.add(own);
            stored.add(already);
        }
        return Flux.range(0, envelopes.size())
                .concatMap(e -> log.indexesOfStoredVersions(envelopes.get(e).collectionId(),
                        stored.get(e).stream().map(o -> o.object().id()).toList(),
                        stored.get(e).stream().map(o -> o.object().sha256()).toList()))
                .collectList()
                .zipWhen(previous -> log.append(entries))
                .map(indexes -> {
                    List<Map<Integer, Long>> answers = new ArrayList<>(envelopes.size());
                    int next = 0;
                    for (int e = 0; e < envelopes.size(); e++) {
                        Map<Integer, Long> byObject = new HashMap<>();
                        for (StoreOutcome o : stored.get(e)) {
                            Long index = indexes.getT1().get(e)
                                    .get(TransparencyLog.storedVersionKey(o.object().id(), o.object().sha256()));
                            if (index != null) {
                                byObject.put(o.object().index(), index);
                            }
                        }
                        for (StoreOutcome o : added.get(e)) {
                            byObject.put(o.object().index(), indexes.getT2().get(next++));
                        }
                        answers.add(byObject);
                    }
                    return answers;
                });
    }

    /** The audience of a stored version, in the form the log's read gate checks. */
    static LeafAudience leafAudience(MemberId publisher, Audience audience) {
        return new LeafAudience(publisher.value(), audience.tlp().tlp20Value(), audience.recipients(), audience.groups());
    }

    private static LeafAudience leafAudience(IncomingObject object) {
        return leafAudience(object.publisherId(), object.audience());
    }
}
