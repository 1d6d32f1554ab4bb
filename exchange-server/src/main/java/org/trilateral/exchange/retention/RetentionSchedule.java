package org.trilateral.exchange.retention;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs {@link Retention} a minute after start and then every {@code exchange.retention.interval}, one run at a time;
 * nothing when no rule is configured. A failed run is logged and the next one tries again.
 */
@Component
class RetentionSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RetentionSchedule.class);
    private static final Duration FIRST_RUN = Duration.ofMinutes(1);

    private final Retention retention;
    private final RetentionProperties properties;
    private volatile Disposable running;

    RetentionSchedule(Retention retention, RetentionProperties properties) {
        this.retention = retention;
        this.properties = properties;
    }

    @Override
    public void start() {
        if (!retention.configured()) {
            running = reactor.core.Disposables.single();
            return;
        }
        running = Flux.interval(FIRST_RUN, properties.interval())
                .onBackpressureDrop()
                .concatMap(tick -> retention.runOnce().onErrorResume(e -> {
                    log.warn("Retention run failed; the next run tries again", e);
                    return Mono.empty();
                }), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable current = running;
        if (current != null) {
            current.dispose();
        }
        running = null;
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }
}
