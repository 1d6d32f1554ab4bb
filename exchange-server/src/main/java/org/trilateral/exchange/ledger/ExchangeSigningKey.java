package org.trilateral.exchange.ledger;

import java.time.Duration;
import java.util.Base64;
import java.util.Arrays;
import org.springframework.stereotype.Component;
import org.trilateral.integrity.checkpoint.NoteSigner;
import org.trilateral.integrity.checkpoint.NoteVerifierKey;
import org.trilateral.integrity.jws.SigningKey;
import reactor.core.publisher.Mono;

/**
 * The exchange's own Ed25519 key (the log's checkpoint key, {@code exchange.log.signing-key}) as a JWS key, for what
 * the exchange signs outside the log: webhook deliveries (docs/delivery.md#webhooks). Clients already pin this key to
 * verify checkpoints, so they verify deliveries with no other key to distribute. The two uses cannot be confused: a
 * checkpoint signs a note text, which ends with a newline, and a JWS signs {@code BASE64URL(header) '.' BASE64URL(payload)},
 * which has none.
 */
@Component
public class ExchangeSigningKey {

    private final Mono<SigningKey> jwsKey;
    private final CheckpointSigner checkpoints;

    ExchangeSigningKey(CheckpointSigner checkpoints) {
        this.checkpoints = checkpoints;
        this.jwsKey = checkpoints.noteSigner().map(ExchangeSigningKey::asJwsKey)
                .cache(value -> Duration.ofMillis(Long.MAX_VALUE), error -> Duration.ZERO, () -> Duration.ZERO);
    }

    /** The key to sign JWS with ({@code alg: EdDSA}, {@code kid} its RFC 7638 thumbprint). */
    public Mono<SigningKey> jwsKey() {
        return jwsKey;
    }

    /** The same key as the log's note verifier key, which clients pin. */
    public Mono<NoteVerifierKey> verifierKey() {
        return checkpoints.verifierKey();
    }

    /** {@code PRIVATE+KEY+<name>+<hash>+<base64(0x01 || seed)>}: the seed is the Ed25519 private key (RFC 8032). */
    private static SigningKey asJwsKey(NoteSigner signer) {
        String text = signer.format();
        String[] parts = text.split("\\+", 5);
        byte[] typed = Base64.getDecoder().decode(parts[4]);
        byte[] seed = Arrays.copyOfRange(typed, 1, typed.length);
        try {
            return SigningKey.ed25519(seed);
        } finally {
            Arrays.fill(seed, (byte) 0);
            Arrays.fill(typed, (byte) 0);
        }
    }
}
