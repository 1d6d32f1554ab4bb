package org.trilateral.exchange.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * One bucket per member, made on its first request; counts each member's requests ({@code exchange.member.requests})
 * and its refused ones ({@code exchange.rate.limited}).
 */
@Component
class MemberRateLimiter {

    private final RateLimitProperties properties;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    MemberRateLimiter(RateLimitProperties properties, Clock clock, MeterRegistry metrics) {
        this.properties = properties;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** {@link Duration#ZERO} when {@code memberId} may make this request, else how long it must wait. */
    Duration admit(String memberId) {
        Counter.builder("exchange.member.requests").description("Requests by each authenticated member")
                .tag("member", memberId).register(metrics).increment();
        if (!properties.enabled()) {
            return Duration.ZERO;
        }
        Duration wait = buckets.computeIfAbsent(memberId, id -> new TokenBucket(properties.limitOf(id), clock.instant()))
                .take(clock.instant());
        if (!wait.isZero()) {
            Counter.builder("exchange.rate.limited").description("Requests refused with 429 by the member's rate limit")
                    .tag("member", memberId).register(metrics).increment();
        }
        return wait;
    }
}
