package org.trilateral.exchange.object;

import java.util.HashSet;
import java.util.Set;
import org.trilateral.exchange.collection.TaxiiCollection;
import org.trilateral.exchange.member.Member;
import org.trilateral.exchange.status.IngestStatus;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/** A decided envelope waiting to be written, and the answer its request waits for. */
final class PendingEnvelope {

    private final TaxiiCollection collection;
    private final Member publisher;
    private final IngestDecision decision;
    private final Set<String> ids;
    private final Sinks.One<IngestStatus> answer = Sinks.one();

    PendingEnvelope(TaxiiCollection collection, Member publisher, IngestDecision decision) {
        this.collection = collection;
        this.publisher = publisher;
        this.decision = decision;
        Set<String> named = new HashSet<>();
        decision.accepted().forEach(object -> named.add(object.id()));
        this.ids = Set.copyOf(named);
    }

    TaxiiCollection collection() {
        return collection;
    }

    Member publisher() {
        return publisher;
    }

    IngestDecision decision() {
        return decision;
    }

    /** The ids its accepted objects name: envelopes written together name none in common. */
    Set<String> ids() {
        return ids;
    }

    int objects() {
        return decision.accepted().size();
    }

    Mono<IngestStatus> answer() {
        return answer.asMono();
    }

    void written(IngestStatus status) {
        answer.tryEmitValue(status);
    }

    void failed(Throwable error) {
        answer.tryEmitError(error);
    }
}
