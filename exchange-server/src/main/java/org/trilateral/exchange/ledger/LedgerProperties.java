package org.trilateral.exchange.ledger;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The transparency log ({@code exchange.log.*}).
 *
 * @param origin                  the log's identity, the first line of every checkpoint and the name of its signing
 *                                key (C2SP tlog-checkpoint: a schema-less URL; default
 *                                {@code trilateral-exchange.example/log}); set it to the exchange's public host
 *                                followed by {@code /log}
 * @param signingKey              the checkpoint signing key, a C2SP signed-note {@code PRIVATE+KEY+<origin>+...}
 *                                string whose name is the origin; when empty (the default) a key is generated once and
 *                                kept in the database, so that every instance sharing it signs alike. Production
 *                                should configure it.
 * @param maxOpeningsPerPage      openings in one answer of {@code GET /log/openings?from=&to=} (default 1000)
 * @param maxObjectsPerOpenings   objects named in one {@code POST /log/openings} (default 1000)
 * @param witnesses               the witnesses the exchange submits its checkpoints to (C2SP tlog-witness)
 * @param witnessQuorum           how many witnesses' cosignatures a checkpoint needs before {@code /log/checkpoint}
 *                                serves it (default 0: the newest checkpoint, with the cosignatures it has)
 * @param witnessTimeout          how long one submission to a witness may take (default 10 s)
 */
@Validated
@ConfigurationProperties("exchange.log")
public record LedgerProperties(@DefaultValue("trilateral-exchange.example/log") @NotBlank String origin,
                               @DefaultValue("") String signingKey,
                               @DefaultValue("1000") @Min(1) @Max(10000) int maxOpeningsPerPage,
                               @DefaultValue("1000") @Min(1) @Max(10000) int maxObjectsPerOpenings,
                               @DefaultValue List<@Valid LogWitness> witnesses,
                               @DefaultValue("0") @Min(0) int witnessQuorum,
                               @DefaultValue("10s") Duration witnessTimeout) {
}
