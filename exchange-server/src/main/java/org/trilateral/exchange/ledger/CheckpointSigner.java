package org.trilateral.exchange.ledger;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.trilateral.exchange.StartupTask;
import org.trilateral.integrity.checkpoint.Checkpoint;
import org.trilateral.integrity.checkpoint.NoteSigner;
import org.trilateral.integrity.checkpoint.NoteVerifierKey;
import reactor.core.publisher.Mono;

/**
 * The exchange's checkpoint signing key: the configured {@code exchange.log.signing-key}, or else one generated
 * once and kept in {@code log_key}, so that every instance sharing the database signs alike. Resolved at start-up,
 * before any other start-up task publishes, and outside any ingest transaction, so a rolled-back ingest can never
 * take a generated key with it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CheckpointSigner implements StartupTask {

    private static final Logger log = LoggerFactory.getLogger(CheckpointSigner.class);

    private final LedgerProperties properties;
    private final Mono<NoteSigner> signer;

    CheckpointSigner(LedgerProperties properties, LogStore store) {
        this.properties = properties;
        this.signer = Mono.defer(() -> resolve(properties, store))
                .cache(value -> Duration.ofMillis(Long.MAX_VALUE), error -> Duration.ZERO, () -> Duration.ZERO);
    }

    @Override
    public void run() {
        // On the main thread, before the port opens and before any other start-up task appends: a bad key fails the start.
        NoteSigner resolved = signer.block();
        log.info("Transparency log {} signs checkpoints with {}", properties.origin(),
                resolved == null ? "no key" : resolved.verifierKey().format());
    }

    /** The log's origin (the first line of its checkpoints). */
    String origin() {
        return properties.origin();
    }

    /** The signer itself, for {@link ExchangeSigningKey}. */
    Mono<NoteSigner> noteSigner() {
        return signer;
    }

    Mono<NoteVerifierKey> verifierKey() {
        return signer.map(NoteSigner::verifierKey);
    }

    /** The signed note of {@code checkpoint}, in its transmitted form. */
    Mono<String> sign(Checkpoint checkpoint) {
        return signer.map(s -> checkpoint.sign(s).format());
    }

    private static Mono<NoteSigner> resolve(LedgerProperties properties, LogStore store) {
        if (!properties.signingKey().isBlank()) {
            NoteSigner configured = NoteSigner.parse(properties.signingKey().strip());
            if (!configured.name().equals(properties.origin())) {
                return Mono.error(new IllegalStateException("exchange.log.signing-key is named \""
                        + configured.name() + "\" but exchange.log.origin is \"" + properties.origin()
                        + "\"; a checkpoint key is named after its log's origin (C2SP tlog-checkpoint)"));
            }
            return Mono.just(configured);
        }
        return store.signer(properties.origin())
                .switchIfEmpty(Mono.defer(() -> {
                    log.warn("exchange.log.signing-key is not set: generating a checkpoint signing key for {} and "
                            + "keeping it in the database; production should configure its own key", properties.origin());
                    return store.signerIfAbsent(properties.origin(), NoteSigner.generate(properties.origin()).format());
                }))
                .map(NoteSigner::parse);
    }
}
