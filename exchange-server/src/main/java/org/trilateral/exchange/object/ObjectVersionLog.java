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
     * @param signatures the first signature of each signed object, by its index in the envelope
     * @return the log index of each added or already-stored object, by its index in the envelope
     */
    Mono<Map<Integer, Long>> record(String collectionId, Member publisher, List<StoreOutcome> outcomes,
                                    Map<Integer, SignatureReference> signatures) {
        List<StoreOutcome> added = new ArrayList<>();
        List<StoreOutcome> stored = new ArrayList<>();
        for (StoreOutcome outcome : outcomes) {
            switch (outcome.kind()) {
                case ADDED -> added.add(outcome);
                case ALREADY_STORED -> stored.add(outcome);
                default -> { }
            }
        }
        List<ObjectVersionEntry> entries = added.stream().map(o -> new ObjectVersionEntry(collectionId, o.object().id(),
                o.versionText(), o.object().sha256(), publisher.identityId(),
                Optional.ofNullable(signatures.get(o.object().index())), leafAudience(o.object()))).toList();
        return log.indexesOfStoredVersions(collectionId, stored.stream().map(o -> o.object().id()).toList(),
                        stored.stream().map(o -> o.object().sha256()).toList())
                .zipWhen(previous -> log.append(entries))
                .map(indexes -> {
                    Map<Integer, Long> byObject = new HashMap<>();
                    for (StoreOutcome o : stored) {
                        Long index = indexes.getT1().get(TransparencyLog.storedVersionKey(o.object().id(), o.object().sha256()));
                        if (index != null) {
                            byObject.put(o.object().index(), index);
                        }
                    }
                    for (int i = 0; i < added.size(); i++) {
                        byObject.put(added.get(i).object().index(), indexes.getT2().get(i));
                    }
                    return byObject;
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
