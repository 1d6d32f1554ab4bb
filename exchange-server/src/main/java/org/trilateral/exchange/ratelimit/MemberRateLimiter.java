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
    private final Map<String, TokenBucket> tileBuckets = new ConcurrentHashMap<>();

    MemberRateLimiter(RateLimitProperties properties, Clock clock, MeterRegistry metrics) {
        this.properties = properties;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * {@link Duration#ZERO} when {@code memberId} may make this request, else how long it must wait. A read of a log
     * tile or entry bundle ({@code tile}) draws from the member's tile bucket ({@code exchange.rate-limit.tiles}), any
     * other request from its general one.
     */
    Duration admit(String memberId, boolean tile) {
        Counter.builder("exchange.member.requests").description("Requests by each authenticated member")
                .tag("member", memberId).register(metrics).increment();
        if (!properties.enabled()) {
            return Duration.ZERO;
        }
        TokenBucket bucket = tile
                ? tileBuckets.computeIfAbsent(memberId, id -> new TokenBucket(properties.tiles().limit(), clock.instant()))
                : buckets.computeIfAbsent(memberId, id -> new TokenBucket(properties.limitOf(id), clock.instant()));
        Duration wait = bucket.take(clock.instant());
        if (!wait.isZero()) {
            Counter.builder("exchange.rate.limited").description("Requests refused with 429 by the member's rate limit")
                    .tag("member", memberId).register(metrics).increment();
        }
        return wait;
    }
}
