package org.trilateral.exchange.operations;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of {@code exchange.operations}.
 *
 * @param logSizeInterval how often the log size metric is refreshed (default 15s)
 */
@Validated
@ConfigurationProperties("exchange.operations")
public record OperationsProperties(@DefaultValue("15s") @NotNull Duration logSizeInterval) {
}
