package org.trilateral.exchange.ledger;

import java.security.SecureRandom;
import java.time.Duration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.trilateral.exchange.StartupTask;
import org.trilateral.exchange.taxii.PageCursor;
import org.trilateral.integrity.log.AudienceKeys;
import reactor.core.publisher.Mono;

/**
 * The exchange's audience secret (docs/transparency-log.md, "Audience tags"): 32 random bytes generated once and
 * kept in {@code log_secret}, so every instance sharing the database tags leaves alike. Read once, outside any ingest
 * transaction's rollback (a concurrent first start keeps whichever secret was stored first).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AudienceSecret implements StartupTask {

    private static final String NAME = "audience";

    private final Mono<AudienceKeys> keys;

    AudienceSecret(DatabaseClient db) {
        this.keys = Mono.defer(() -> read(db).switchIfEmpty(Mono.defer(() -> {
                    byte[] secret = new byte[AudienceKeys.KEY_BYTES];
                    new SecureRandom().nextBytes(secret);
                    return db.sql("INSERT INTO log_secret (name, secret) VALUES (:name, :secret) ON CONFLICT (name) DO NOTHING")
                            .bind("name", NAME)
                            .bind("secret", secret)
                            .fetch().rowsUpdated()
                            .then(read(db));
                })))
                .map(AudienceKeys::new)
                .cache(value -> Duration.ofMillis(Long.MAX_VALUE), error -> Duration.ZERO, () -> Duration.ZERO);
    }

    @Override
    public void run() {
        // Before the port opens and outside any ingest transaction, so no rolled-back ingest takes a new secret with it.
        AudienceKeys resolved = keys.block();
        // Paging cursors are sealed with a key of the same secret, so every replica opens the others' cursors.
        PageCursor.useKey(resolved.derived("taxii/page-cursor"));
    }

    /** The audience keys derived from the secret. */
    public Mono<AudienceKeys> keys() {
        return keys;
    }

    private static Mono<byte[]> read(DatabaseClient db) {
        return db.sql("SELECT secret FROM log_secret WHERE name = :name")
                .bind("name", NAME)
                .map((row, meta) -> row.get("secret", byte[].class))
                .one();
    }
}
