package org.trilateral.exchange.ledger;

import jakarta.validation.constraints.NotBlank;
import java.net.URI;

/**
 * A witness the exchange submits its checkpoints to ({@code exchange.log.witnesses[]}).
 *
 * @param name its name, as in its verifier key
 * @param key  its cosigner verifier key ({@code <name>+<hash>+<base64 of 0x04 || Ed25519 key>})
 * @param url  its tlog-witness base URL ({@code add-checkpoint} is resolved against it)
 */
public record LogWitness(@NotBlank String name, @NotBlank String key, URI url) {
}
