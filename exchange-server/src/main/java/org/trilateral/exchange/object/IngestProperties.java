package org.trilateral.exchange.object;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How envelopes are written ({@code exchange.ingest.*}; docs/configuration.md, docs/performance.md).
 *
 * @param groupCommit how many envelopes that arrive while a write is in flight may commit together
 */
@Validated
@ConfigurationProperties("exchange.ingest")
public record IngestProperties(@DefaultValue GroupCommitLimits groupCommit) {

    /**
     * Envelopes decided while another write is in flight wait for it and are then written together, in one
     * transaction with one log checkpoint; these bound one such write.
     *
     * @param maxEnvelopes envelopes one write takes at most (default 16); 1 writes every envelope on its own
     * @param maxObjects   objects one write takes at most (default 1,000); an envelope larger than this is written
     *                     on its own. Beyond about a thousand objects a joint write saves no time per object and only
     *                     delays every answer in it (docs/performance.md)
     */
    public record GroupCommitLimits(@DefaultValue("16") @Min(1) int maxEnvelopes,
                                    @DefaultValue("1000") @Min(1) int maxObjects) {
    }
}
