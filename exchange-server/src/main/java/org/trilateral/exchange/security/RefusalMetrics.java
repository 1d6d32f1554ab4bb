package org.trilateral.exchange.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.trilateral.exchange.error.RefusalReasons;

/** Metric {@code exchange.security.refusals}: 401s and 403s, by status and by a bounded reason (docs/operations.md). */
final class RefusalMetrics {

    private final MeterRegistry registry;

    RefusalMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void count(int status, String reason) {
        Counter.builder("exchange.security.refusals")
                .description("Requests refused by authentication (401) or authorisation (403)")
                .tag("status", Integer.toString(status))
                .tag("reason", status == 403 ? "forbidden" : RefusalReasons.ofToken(reason))
                .register(registry)
                .increment();
    }
}
