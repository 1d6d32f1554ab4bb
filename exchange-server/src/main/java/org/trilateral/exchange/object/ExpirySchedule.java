package org.trilateral.exchange.object;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs {@link ObjectExpiry} every {@code exchange.expiry.interval}, one run at a time, unless
 * {@code exchange.expiry.enabled} is false. A failed run is logged and the next one tries again.
 */
@Component
class ExpirySchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ExpirySchedule.class);

    private final ObjectExpiry expiry;
    private final ExpiryProperties properties;
    private volatile Disposable running;

    ExpirySchedule(ObjectExpiry expiry, ExpiryProperties properties) {
        this.expiry = expiry;
        this.properties = properties;
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            running = reactor.core.Disposables.single();
            return;
        }
        running = Flux.interval(properties.interval(), properties.interval())
                .onBackpressureDrop()
                .concatMap(tick -> expiry.runOnce().onErrorResume(e -> {
                    log.warn("Announcing expiries failed; the next run tries again", e);
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
