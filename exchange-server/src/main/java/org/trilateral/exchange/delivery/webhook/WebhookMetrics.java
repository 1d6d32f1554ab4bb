package org.trilateral.exchange.delivery.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * Webhook meters (docs/delivery.md#metrics): {@code exchange.webhooks.deliveries} (accepted requests) and
 * {@code exchange.webhooks.events} (events in them), {@code exchange.webhooks.failures} (failed attempts, by cause),
 * {@code exchange.webhooks.retries} (retries scheduled), {@code exchange.webhooks.dead-lettered} (batches given up on),
 * {@code exchange.webhooks.replays} (dead letters replayed), {@code exchange.webhooks.suspended} (endpoints suspended
 * because their dead letters reached {@code max-dead-letters}), and the gauge {@code exchange.webhooks.lag}: how many
 * positions the furthest-behind lane of an active endpoint is behind the log's head, as this instance last read it.
 */
@Component
class WebhookMetrics {

    private final MeterRegistry registry;
    private final AtomicLong lag = new AtomicLong();

    WebhookMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("exchange.webhooks.lag", lag, AtomicLong::get).baseUnit("positions")
                .description("positions the furthest-behind webhook lane is behind the log's head").register(registry);
    }

    void delivered(Lane lane, int events) {
        Counter.builder("exchange.webhooks.deliveries").tag("lane", lane.value()).register(registry).increment();
        Counter.builder("exchange.webhooks.events").tag("lane", lane.value()).register(registry).increment(events);
    }

    void failed(Lane lane, int status) {
        Counter.builder("exchange.webhooks.failures").tag("lane", lane.value())
                .tag("cause", status == 0 ? "no-answer" : Integer.toString(status)).register(registry).increment();
    }

    void retryScheduled(Lane lane) {
        Counter.builder("exchange.webhooks.retries").tag("lane", lane.value()).register(registry).increment();
    }

    void deadLettered(Lane lane) {
        Counter.builder("exchange.webhooks.dead-lettered").tag("lane", lane.value()).register(registry).increment();
    }

    void suspended() {
        Counter.builder("exchange.webhooks.suspended").register(registry).increment();
    }

    void replayed(boolean accepted) {
        Counter.builder("exchange.webhooks.replays").tag("outcome", accepted ? "delivered" : "failed").register(registry)
                .increment();
    }

    void lag(long positions) {
        lag.set(positions);
    }
}
