package org.trilateral.exchange.object;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.trilateral.exchange.collection.TaxiiCollection;
import org.trilateral.exchange.member.Member;
import org.trilateral.exchange.status.IngestStatus;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Group commit of decided envelopes (docs/performance.md): one write is in flight per instance; envelopes decided
 * meanwhile queue up and are written together by the next one, in one transaction with one log checkpoint, so
 * concurrent publishers share the locks, round trips, checkpoint signature and commit that each would otherwise pay
 * alone. Every guarantee of a lone envelope holds: objects, leaves and statuses commit together, nothing is answered
 * before its commit, and envelopes written together name no object id in common (an envelope that would is left for
 * the next write, behind which nothing overtakes it). When a joint write fails, each of its envelopes is written again
 * on its own, so one envelope's failure is never another's.
 */
@Component
class GroupCommit {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

    private final IngestWriter writer;
    private final IngestProperties.GroupCommitLimits limits;
    private final Timer writes;
    private final DistributionSummary envelopesPerWrite;
    private final DistributionSummary objectsPerWrite;
    private final Queue<PendingEnvelope> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean writing = new AtomicBoolean();

    GroupCommit(IngestWriter writer, IngestProperties properties, MeterRegistry metrics) {
        this.writer = writer;
        this.limits = properties.groupCommit();
        this.writes = Timer.builder("exchange.ingest.writes")
                .description("Writes of envelopes (one transaction each, holding the collection and log locks)")
                .register(metrics);
        this.envelopesPerWrite = DistributionSummary.builder("exchange.ingest.write.envelopes")
                .description("Envelopes committed together by one write").register(metrics);
        this.objectsPerWrite = DistributionSummary.builder("exchange.ingest.write.objects")
                .description("Accepted objects committed together by one write").register(metrics);
    }

    /** Writes the decided envelope with whatever else is waiting; answers its status once committed. */
    Mono<IngestStatus> write(TaxiiCollection collection, Member publisher, IngestDecision decision) {
        return Mono.defer(() -> {
            PendingEnvelope pending = new PendingEnvelope(collection, publisher, decision);
            queue.add(pending);
            drain();
            return pending.answer();
        });
    }

    private void drain() {
        while (!queue.isEmpty() && writing.compareAndSet(false, true)) {
            List<PendingEnvelope> batch = takeBatch();
            if (batch.isEmpty()) {
                writing.set(false);
                continue;
            }
            writeTogether(batch)
                    .doFinally(signal -> {
                        writing.set(false);
                        drain();
                    })
                    .subscribe();
            return;
        }
    }

    /** Envelopes from the head of the queue, within the limits, naming no id in common; only the writer takes. */
    private List<PendingEnvelope> takeBatch() {
        List<PendingEnvelope> batch = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int objects = 0;
        PendingEnvelope next;
        while (batch.size() < limits.maxEnvelopes() && (next = queue.peek()) != null) {
            Set<String> named = next.ids();
            boolean fits = batch.isEmpty() || objects + next.objects() <= limits.maxObjects();
            if (!fits || named.stream().anyMatch(ids::contains)) {
                break;
            }
            queue.poll();
            batch.add(next);
            ids.addAll(named);
            objects += next.objects();
        }
        return batch;
    }

    private Mono<Void> writeTogether(List<PendingEnvelope> batch) {
        envelopesPerWrite.record(batch.size());
        objectsPerWrite.record(batch.stream().mapToInt(PendingEnvelope::objects).sum());
        Timer.Sample started = Timer.start();
        return writer.write(batch)
                .doOnSuccess(statuses -> started.stop(writes))
                .doOnNext(statuses -> {
                    for (int i = 0; i < batch.size(); i++) {
                        batch.get(i).written(statuses.get(i));
                    }
                })
                .then()
                .onErrorResume(error -> {
                    if (batch.size() == 1) {
                        batch.get(0).failed(error);
                        return Mono.empty();
                    }
                    LOG.warn("a joint write of {} envelopes failed ({}); writing each on its own", batch.size(),
                            error.toString());
                    return Flux.fromIterable(batch)
                            .concatMap(pending -> writer.write(List.of(pending))
                                    .doOnNext(statuses -> pending.written(statuses.get(0)))
                                    .onErrorResume(alone -> {
                                        pending.failed(alone);
                                        return Mono.empty();
                                    }))
                            .then();
                });
    }
}
