package org.trilateral.exchange.ledger;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The transparency log ({@code exchange.log.*}).
 *
 * @param origin     the log's identity, the first line of every checkpoint and the name of its signing key
 *                   (C2SP tlog-checkpoint: a schema-less URL; default {@code trilateral-exchange.example/log});
 *                   set it to the exchange's public host followed by {@code /log}
 * @param signingKey the checkpoint signing key, a C2SP signed-note {@code PRIVATE+KEY+<origin>+...} string whose
 *                   name is the origin; when empty (the default) a key is generated once and kept in the database,
 *                   so that every instance sharing it signs alike. Production should configure it.
 */
@Validated
@ConfigurationProperties("exchange.log")
public record LedgerProperties(@DefaultValue("trilateral-exchange.example/log") @NotBlank String origin,
                               @DefaultValue("") String signingKey) {
}
