package org.trilateral.exchange.transparency;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.trilateral.exchange.ledger.LedgerProperties;
import org.trilateral.exchange.ledger.LogWitness;
import org.trilateral.exchange.ledger.TransparencyLog;
import org.trilateral.integrity.checkpoint.CosignerKey;
import org.trilateral.integrity.checkpoint.NoteSignature;
import org.trilateral.integrity.checkpoint.SignedNote;
import org.trilateral.integrity.witness.AddCheckpointRequest;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Submits the log's checkpoints to the configured witnesses (C2SP tlog-witness {@code add-checkpoint}) and keeps
 * the cosignatures they return, after verifying each with the witness's configured key. Runs beside ingest, never in
 * it: a witness that is down delays its cosignatures, never an append; the newest checkpoint is submitted again after
 * the next append and at each start. A 409 tells the size the witness last cosigned, and the submission is repeated
 * with a consistency proof from there.
 */
@Component
class WitnessSubmitter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WitnessSubmitter.class);

    private final TransparencyLog transparencyLog;
    private final LedgerProperties properties;
    private final WebClient web;
    private final Map<String, Long> cosignedSize = new ConcurrentHashMap<>();
    private volatile Disposable subscription;

    WitnessSubmitter(TransparencyLog transparencyLog, LedgerProperties properties) {
        this.transparencyLog = transparencyLog;
        this.properties = properties;
        this.web = WebClient.create();
    }

    @Override
    public void start() {
        if (properties.witnesses().isEmpty()) {
            return;
        }
        subscription = transparencyLog.appends()
                .startWith(Boolean.TRUE)
                .sample(Duration.ofMillis(200))
                .onBackpressureLatest()
                .concatMap(signal -> submitNewest().onErrorResume(e -> {
                    log.warn("Submitting the checkpoint to the witnesses failed: {}", e.toString());
                    return Mono.empty();
                }), 1)
                .subscribeOn(Schedulers.boundedElastic())
                .subscribe();
    }

    @Override
    @PreDestroy
    public void stop() {
        Disposable current = subscription;
        if (current != null) {
            current.dispose();
            subscription = null;
        }
    }

    @Override
    public boolean isRunning() {
        return subscription != null;
    }

    /** Submits the newest checkpoint to every witness; completes when each has answered or failed. */
    Mono<Void> submitNewest() {
        // Re-read after the append's transaction committed: the signal may come before the commit.
        return Mono.delay(Duration.ofMillis(50)).then(transparencyLog.latestCheckpoint())
                .flatMap(note -> Flux.fromIterable(properties.witnesses())
                        .flatMap(witness -> submit(witness, note, true)
                                .onErrorResume(e -> {
                                    log.warn("Witness {} did not cosign the checkpoint: {}", witness.name(), e.toString());
                                    return Mono.empty();
                                }))
                        .then());
    }

    private Mono<Void> submit(LogWitness witness, String note, boolean retryOnConflict) {
        long size = CosignedCheckpoints.sizeOf(note);
        long old = Math.min(cosignedSize.getOrDefault(witness.name(), 0L), size);
        if (old == size && size > 0 && cosignedSize.containsKey(witness.name())) {
            return Mono.empty();
        }
        Mono<List<byte[]>> proof = old == 0 ? Mono.just(List.of())
                : transparencyLog.consistencyProof(old, size).map(p -> p.path());
        return proof.flatMap(path -> web.post()
                        .uri(witness.url().resolve("add-checkpoint"))
                        .contentType(MediaType.TEXT_PLAIN)
                        .bodyValue(new AddCheckpointRequest(old, path, note).bytes())
                        .exchangeToMono(response -> response.bodyToMono(String.class).defaultIfEmpty("")
                                .map(body -> new Answer(response.statusCode().value(), body)))
                        .timeout(properties.witnessTimeout()))
                .flatMap(answer -> {
                    if (answer.status() == 409 && retryOnConflict) {
                        long latest = Long.parseLong(answer.body().strip());
                        cosignedSize.put(witness.name(), latest);
                        return submit(witness, note, false);
                    }
                    if (answer.status() != 200) {
                        return Mono.error(new IllegalStateException("witness " + witness.name() + " answered "
                                + answer.status() + ": " + answer.body().strip()));
                    }
                    return keep(witness, note, size, answer.body());
                });
    }

    private Mono<Void> keep(LogWitness witness, String note, long size, String body) {
        List<NoteSignature> lines = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (!line.isBlank()) {
                lines.add(NoteSignature.parseLine(line));
            }
        }
        CosignerKey key = CosignerKey.parse(witness.key());
        SignedNote cosigned = SignedNote.parse(note).withSignatures(lines);
        Optional<?> verified = key.cosignatureOf(cosigned);
        if (verified.isEmpty()) {
            return Mono.error(new IllegalStateException("witness " + witness.name() + " returned no cosignature by its"
                    + " configured key " + witness.key()));
        }
        NoteSignature line = lines.stream().filter(l -> l.keyName().equals(key.name())).findFirst().orElseThrow();
        cosignedSize.put(witness.name(), size);
        return transparencyLog.saveCosignature(size, witness.name(), line.formatLine());
    }

    private record Answer(int status, String body) {
    }
}
