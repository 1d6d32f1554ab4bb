package org.trilateral.exchange.screening;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Screening ({@code exchange.screening}).
 *
 * @param maxStaffTokens the most persona tokens one staff registration ({@code PUT /screening/staff}) may carry
 *                       (default 10,000): an employer's current staff, re-registered whole each time
 */
@Validated
@ConfigurationProperties("exchange.screening")
public record ScreeningProperties(@DefaultValue("10000") @Min(1) @Max(1_000_000) int maxStaffTokens) {
}
