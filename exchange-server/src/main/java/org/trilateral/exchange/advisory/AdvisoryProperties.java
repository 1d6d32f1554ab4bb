package org.trilateral.exchange.advisory;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Advisories ({@code exchange.advisories.*}, docs/configuration.md).
 *
 * @param collection       the id or alias of the collection whose {@code report} objects are advisories, and whose
 *                         changes streams deliver ahead of other traffic (default {@code advisories})
 * @param pageSize         the most advisories one {@code GET /advisories} page holds, and its default (default 100)
 * @param maxObjectRefs    the most {@code object_refs} of one report that {@code GET /advisories/{id}} resolves
 *                         (default 1000); the others are listed as not resolved
 */
@Validated
@ConfigurationProperties("exchange.advisories")
public record AdvisoryProperties(@DefaultValue("advisories") @NotBlank String collection,
                                 @DefaultValue("100") @Min(1) @Max(1000) int pageSize,
                                 @DefaultValue("1000") @Min(1) @Max(10000) int maxObjectRefs) {
}
