package org.trilateral.exchange.object;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How expiries are announced ({@code exchange.expiry.*}; docs/delivery.md "Expiry", docs/configuration.md).
 *
 * @param enabled   whether this instance looks for expired versions (default true). Instances sharing a database
 *                  never announce one expiry twice, so every instance may do it
 * @param interval  how often it looks (default 5s): an expiry reaches subscribers at most this long after its
 *                  {@code valid_until}, plus the delivery's own delay
 * @param batchSize expiries appended per transaction (and log checkpoint), at most (default 500); a larger backlog,
 *                  for example after an upgrade or downtime, is appended in several transactions one after another
 */
@Validated
@ConfigurationProperties("exchange.expiry")
public record ExpiryProperties(@DefaultValue("true") boolean enabled,
                               @DefaultValue("5s") @NotNull Duration interval,
                               @DefaultValue("500") @Positive int batchSize) {
}
