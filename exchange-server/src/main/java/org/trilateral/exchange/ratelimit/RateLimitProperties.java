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
 * @param tiles             the separate bucket for the log's tiles and entry bundles ({@code GET /log/tile/**}): they
 *                          are immutable and cheap to serve, and a verifier reads one per 256 leaves (about 8,000 for a
 *                          log of 1,000,000 leaves), so they do not draw from the bucket above (default 500 per second,
 *                          burst 2,000)
 */
@Validated
@ConfigurationProperties("exchange.rate-limit")
public record RateLimitProperties(@DefaultValue("true") boolean enabled,
                                  @DefaultValue("50") @Positive double requestsPerSecond,
                                  @DefaultValue("200") @Positive int burst,
                                  @DefaultValue Map<String, @Valid Limit> members,
                                  @DefaultValue @Valid TileLimit tiles) {

    public RateLimitProperties {
        members = members == null ? Map.of() : Map.copyOf(members);
    }

    /** One member's limit. */
    public record Limit(@Positive double requestsPerSecond, @Positive int burst) {
    }

    /** The limit on each member's reads of log tiles and entry bundles. */
    public record TileLimit(@DefaultValue("500") @Positive double requestsPerSecond, @DefaultValue("2000") @Positive int burst) {

        Limit limit() {
            return new Limit(requestsPerSecond, burst);
        }
    }

    /** The limit of {@code memberId}: its own, else the default. */
    Limit limitOf(String memberId) {
        return members.getOrDefault(memberId, new Limit(requestsPerSecond, burst));
    }
}
