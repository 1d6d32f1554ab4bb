package org.trilateral.exchange.oprf;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.trilateral.integrity.oprf.OprfKeyPair;
import org.trilateral.integrity.oprf.Scalar;
import org.trilateral.taxonomy.persona.KeyEpoch;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The persona-token keys in PostgreSQL ({@code oprf_key}); rows are never deleted, so an epoch is never reused. */
@Repository
class OprfKeyStore {

    private final DatabaseClient db;

    OprfKeyStore(DatabaseClient db) {
        this.db = db;
    }

    /** Every epoch's key, oldest first. */
    Flux<OprfKey> all() {
        return db.sql("SELECT epoch, private_key, created, retired FROM oprf_key ORDER BY epoch").map(OprfKeyStore::key).all();
    }

    /** Adds the key; false, changing nothing, when its epoch exists (another instance made it first). */
    Mono<Boolean> insert(OprfKey key) {
        return db.sql("INSERT INTO oprf_key (epoch, private_key, public_key, created, retired)"
                        + " VALUES (:epoch, :privateKey, :publicKey, :created, NULL) ON CONFLICT (epoch) DO NOTHING")
                .bind("epoch", key.epoch().number())
                .bind("privateKey", key.keyPair().privateKey().serialize())
                .bind("publicKey", key.keyPair().publicKey().serialize())
                .bind("created", utc(key.created()))
                .fetch().rowsUpdated().map(count -> count == 1);
    }

    /** Marks every epoch before {@code current} that is not yet retired as retired at {@code at}. */
    Mono<Long> retireBefore(KeyEpoch current, Instant at) {
        return db.sql("UPDATE oprf_key SET retired = :at WHERE epoch < :epoch AND retired IS NULL")
                .bind("at", utc(at)).bind("epoch", current.number())
                .fetch().rowsUpdated();
    }

    private static OprfKey key(Readable row) {
        OprfKeyPair pair = OprfKeyPair.fromPrivateKey(Scalar.deserialize(bytes(row.get("private_key"))));
        OffsetDateTime retired = row.get("retired", OffsetDateTime.class);
        return new OprfKey(new KeyEpoch(row.get("epoch", Integer.class)), pair,
                row.get("created", OffsetDateTime.class).toInstant(), retired == null ? null : retired.toInstant());
    }

    private static byte[] bytes(Object column) {
        if (column instanceof byte[] array) {
            return array;
        }
        if (column instanceof java.nio.ByteBuffer buffer) {
            byte[] out = new byte[buffer.remaining()];
            buffer.duplicate().get(out);
            return out;
        }
        throw new IllegalStateException("unexpected BYTEA column type " + (column == null ? "null" : column.getClass()));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
