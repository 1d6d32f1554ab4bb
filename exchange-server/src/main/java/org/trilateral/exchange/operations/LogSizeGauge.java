package org.trilateral.exchange.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.trilateral.exchange.ledger.TransparencyLog;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Metric {@code exchange.log.size}: the transparency log's tree size, read every {@code exchange.operations.log-size-interval}
 * (and at each health check), so a scrape never waits on the database.
 */
@Component
class LogSizeGauge implements SmartLifecycle {

    private static final Logger logger = LoggerFactory.getLogger(LogSizeGauge.class);

    private final AtomicLong size = new AtomicLong();
    private final TransparencyLog log;
    private final Duration interval;
    private volatile Disposable refresh;

    LogSizeGauge(TransparencyLog log, MeterRegistry registry, OperationsProperties properties) {
        this.log = log;
        this.interval = properties.logSizeInterval();
        Gauge.builder("exchange.log.size", size, AtomicLong::get)
                .description("Entries in the transparency log (its tree size)")
                .register(registry);
    }

    void set(long treeSize) {
        size.set(treeSize);
    }

    @Override
    public void start() {
        refresh = Flux.interval(Duration.ZERO, interval)
                .concatMap(tick -> log.size().doOnNext(this::set)
                        .onErrorResume(e -> {
                            logger.debug("Could not read the log size: {}", e.toString());
                            return Mono.empty();
                        }))
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable running = refresh;
        if (running != null) {
            running.dispose();
        }
        refresh = null;
    }

    @Override
    public boolean isRunning() {
        return refresh != null;
    }
}
