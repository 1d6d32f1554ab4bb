package org.trilateral.exchange.operations;

import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.stereotype.Component;
import org.trilateral.exchange.ledger.TransparencyLog;
import reactor.core.publisher.Mono;

/**
 * Health component {@code transparencyLog}: UP when the log's head (its latest signed checkpoint and size) can be read,
 * DOWN otherwise; part of readiness, since every accepted object must be appended to the log.
 */
@Component
class TransparencyLogHealthIndicator implements ReactiveHealthIndicator {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final TransparencyLog log;
    private final LogSizeGauge size;

    TransparencyLogHealthIndicator(TransparencyLog log, LogSizeGauge size) {
        this.log = log;
        this.size = size;
    }

    @Override
    public Mono<Health> health() {
        return log.latestCheckpoint().then(log.size())
                .timeout(TIMEOUT)
                .doOnNext(size::set)
                .map(treeSize -> Health.up().withDetail("size", treeSize).build())
                .onErrorResume(e -> Mono.just(Health.down().withDetail("error", "the log head cannot be read: "
                        + e.getClass().getSimpleName()).build()));
    }
}
