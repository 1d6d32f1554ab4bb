package org.trilateral.exchange.ratelimit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of {@code exchange.rate-limit}: every member's requests, on every route they are authenticated on, draw
 * from a bucket of {@code burst} requests refilled at {@code requestsPerSecond}.
 *
 * @param enabled           whether requests are limited at all (default true)
 * @param requestsPerSecond the sustained rate each member may use (default 50)
 * @param burst             how many requests a member may make at once after being idle (default 200)
 * @param members           per-member limits by member id, replacing the defaults for that member (default none)
 */
@Validated
@ConfigurationProperties("exchange.rate-limit")
public record RateLimitProperties(@DefaultValue("true") boolean enabled,
                                  @DefaultValue("50") @Positive double requestsPerSecond,
                                  @DefaultValue("200") @Positive int burst,
                                  @DefaultValue Map<String, @Valid Limit> members) {

    public RateLimitProperties {
        members = members == null ? Map.of() : Map.copyOf(members);
    }

    /** One member's limit. */
    public record Limit(@Positive double requestsPerSecond, @Positive int burst) {
    }

    /** The limit of {@code memberId}: its own, else the default. */
    Limit limitOf(String memberId) {
        return members.getOrDefault(memberId, new Limit(requestsPerSecond, burst));
    }
}
