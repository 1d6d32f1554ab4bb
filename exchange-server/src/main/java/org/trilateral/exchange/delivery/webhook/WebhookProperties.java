package org.trilateral.exchange.delivery.webhook;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Webhooks ({@code exchange.webhooks.*}, docs/configuration.md#webhooks).
 *
 * @param enabled            whether this instance dispatches deliveries (default true); the member API works either way
 * @param allowHttp          whether {@code http://} endpoints are accepted (default false: {@code https} only)
 * @param allowedHosts       host names or IP addresses accepted although they are, or resolve to, loopback, private,
 *                           link-local or otherwise non-public addresses (default none: such endpoints are refused,
 *                           against server-side request forgery)
 * @param maxEndpoints       the most endpoints one member may register (default 10)
 * @param eventsPerRequest   the most events in one delivery (default 100)
 * @param maxBodyBytes       the most bytes of events in one delivery (default 1 MiB); a single larger event is sent
 *                           alone
 * @param requestTimeout     how long a delivery may take to be answered (default 10 s)
 * @param connectTimeout     how long connecting to an endpoint may take (default 5 s)
 * @param concurrency        the most deliveries in flight at once on this instance (default 16)
 * @param initialDelay       the first retry's longest wait (default 1 s)
 * @param maxDelay           the longest wait between two attempts (default 1 h)
 * @param multiplier         how much the longest wait grows per failed attempt (default 2)
 * @param retryFor           how long a failing lane is retried, from its first failure since its last accepted delivery,
 *                           before the failing batch is parked in the dead-letter list (default
 *                           24 h)
 * @param retryPoll          how often this instance looks for endpoints whose retry is due (default 1 s)
 * @param lease              how long an instance holds an endpoint it dispatches, renewed with each delivery (default
 *                           1 min); another instance takes the endpoint over after this if the holder died
 * @param maxDeadLetters     the most dead letters one endpoint keeps (default 1000): the batch that reaches it suspends
 *                           the endpoint (nothing more is delivered or parked, its lanes keep their positions) until the
 *                           member replays or deletes dead letters and so brings their number below it
 * @param trustStore         a PEM file of CA certificates that webhook TLS connections trust (default none), for endpoints
 *                           whose certificate a private CA issued
 * @param trustDefaultCas    whether the JDK's default CAs are trusted as well as {@code trust-store}'s (default true);
 *                           false trusts only {@code trust-store}'s
 */
@Validated
@ConfigurationProperties("exchange.webhooks")
public record WebhookProperties(@DefaultValue("true") boolean enabled,
                                @DefaultValue("false") boolean allowHttp,
                                @DefaultValue List<String> allowedHosts,
                                @DefaultValue("10") @Min(0) @Max(10000) int maxEndpoints,
                                @DefaultValue("100") @Min(1) @Max(10000) int eventsPerRequest,
                                @DefaultValue("1048576") @Min(1024) int maxBodyBytes,
                                @DefaultValue("10s") @NotNull Duration requestTimeout,
                                @DefaultValue("5s") @NotNull Duration connectTimeout,
                                @DefaultValue("16") @Min(1) @Max(1024) int concurrency,
                                @DefaultValue("1s") @NotNull Duration initialDelay,
                                @DefaultValue("1h") @NotNull Duration maxDelay,
                                @DefaultValue("2") @DecimalMin("1.0") double multiplier,
                                @DefaultValue("24h") @NotNull Duration retryFor,
                                @DefaultValue("1s") @NotNull Duration retryPoll,
                                @DefaultValue("1m") @NotNull Duration lease,
                                @DefaultValue("1000") @Min(1) @Max(1000000) int maxDeadLetters,
                                Path trustStore,
                                @DefaultValue("true") boolean trustDefaultCas) {

    public WebhookProperties {
        if (!trustDefaultCas && trustStore == null) {
            throw new IllegalArgumentException("exchange.webhooks.trust-default-cas=false needs"
                    + " exchange.webhooks.trust-store: webhook TLS would trust no certificate authority");
        }
        allowedHosts = allowedHosts == null ? List.of()
                : allowedHosts.stream().map(h -> h.strip().toLowerCase(java.util.Locale.ROOT)).toList();
    }
}
