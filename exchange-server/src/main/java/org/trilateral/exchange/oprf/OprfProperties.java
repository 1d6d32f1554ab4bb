package org.trilateral.exchange.oprf;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Persona-token evaluation ({@code exchange.oprf}).
 *
 * @param quota        how many elements one member may have evaluated
 * @param gracePeriod  how long an epoch is still answered after the next one became current, so members can
 *                     re-tokenise what they hold (default 30 days)
 * @param maxElements  the most blinded elements one request may carry (default 500; at most the hourly quota)
 */
@Validated
@ConfigurationProperties("exchange.oprf")
public record OprfProperties(@DefaultValue @Valid Quota quota, @DefaultValue("30d") @NotNull Duration gracePeriod,
                             @DefaultValue("500") @Min(1) @Max(100_000) int maxElements) {

    public OprfProperties {
        if (gracePeriod.isNegative()) {
            throw new IllegalArgumentException("exchange.oprf.grace-period must not be negative");
        }
        if (maxElements > quota.perHour() || maxElements > quota.perDay()) {
            throw new IllegalArgumentException("exchange.oprf.max-elements (" + maxElements
                    + ") must not exceed the hourly and daily quotas, or a full request could never be answered");
        }
    }

    /**
     * Evaluations (blinded elements, not requests) one member may ask for in any sliding hour and day. The defaults
     * (2,000 an hour, 10,000 a day) let a hiring team screen its applicants and re-tokenise its list, and stop a
     * member from turning the exchange into a dictionary oracle for phone numbers.
     */
    public record Quota(@DefaultValue("2000") @Min(1) int perHour, @DefaultValue("10000") @Min(1) int perDay) {
    }
}
