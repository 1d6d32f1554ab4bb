package org.trilateral.exchange.ledger;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.trilateral.integrity.merkle.SubtreeHash;
import reactor.core.publisher.Mono;

/**
 * The log's tables (V10): leaves, perfect-subtree hashes, the tree head and the generated signing key. Appends
 * must run in a transaction that holds {@link #lock()}.
 */
@Repository
class LogStore {

    /**
     * Advisory lock key of the log, distinct from the per-collection ingest locks (namespace 7311). Writers take
     * the collection lock first and this one second, so the two can never deadlock.
     */
    private static final int LOCK_NAMESPACE = 7312;
    private static final int LOCK_KEY = 1;
    private static final HexFormat HEX = HexFormat.of();

    private final DatabaseClient db;

    LogStore(DatabaseClient db) {
        this.db = db;
    }

    /** The tree head, with the database's clock read under the same statement. */
    record State(long size, byte[] root, Optional<String> checkpoint, Instant now) {
    }

    /** The stored form of one leaf, as read back. */
    record StoredLeaf(long index, String json, byte[] hash) {
    }

    /** Serialises appends across every instance sharing the database, until the transaction ends. */
    Mono<Void> lock() {
        return db.sql("SELECT pg_advisory_xact_lock(:ns, :key)")
                .bind("ns", LOCK_NAMESPACE)
                .bind("key", LOCK_KEY)
                .fetch().rowsUpdated().then();
    }

    Mono<State> state() {
        return db.sql("SELECT size, root, checkpoint, date_trunc('microseconds', clock_timestamp()) AS now"
                        + " FROM log_state WHERE id = 1")
                .map((row, meta) -> new State(
                        row.get("size", Long.class),
                        row.get("root", byte[].class),
                        Optional.ofNullable(row.get("checkpoint", String.class)),
                        row.get("now", OffsetDateTime.class).toInstant()))
                .one();
    }

    /** The stored hashes of the given perfect subtrees, in one query (those that exist). */
    Mono<Map<SubtreeReads.Position, byte[]>> subtrees(Collection<SubtreeReads.Position> positions) {
        Integer[] levels = positions.stream().map(SubtreeReads.Position::level).toArray(Integer[]::new);
        Long[] indexes = positions.stream().map(SubtreeReads.Position::index).toArray(Long[]::new);
        return db.sql("SELECT s.level, s.idx, s.hash FROM log_subtree s"
                        + " JOIN unnest(CAST(:levels AS integer[]), CAST(:indexes AS bigint[])) AS w(level, idx)"
                        + " ON s.level = w.level AND s.idx = w.idx")
                .bind("levels", levels)
                .bind("indexes", indexes)
                .map((row, meta) -> Map.entry(
                        new SubtreeReads.Position(row.get("level", Integer.class), row.get("idx", Long.class)),
                        row.get("hash", byte[].class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, HashMap::new);
    }

    Mono<Void> insertLeaves(List<LogEntry> entries, List<LogLeaf> leaves, Instant accepted) {
        int n = leaves.size();
        Long[] index = new Long[n];
        String[] kind = new String[n];
        String[] stixId = new String[n];
        String[] version = new String[n];
        String[] collection = new String[n];
        String[] objectSha = new String[n];
        String[] json = new String[n];
        String[] hash = new String[n];
        for (int i = 0; i < n; i++) {
            LogEntry entry = entries.get(i);
            LogLeaf leaf = leaves.get(i);
            index[i] = leaf.index();
            kind[i] = entry.kind();
            stixId[i] = entry.stixId();
            version[i] = entry.version();
            collection[i] = entry.collectionId();
            byte[] sha = entry.objectSha256();
            objectSha[i] = sha == null ? null : HEX.formatHex(sha);
            json[i] = leaf.json();
            hash[i] = HEX.formatHex(leaf.hash());
        }
        return db.sql("INSERT INTO log_leaf (log_index, kind, stix_id, version, collection_id, object_sha256, leaf,"
                        + " leaf_hash, accepted)"
                        + " SELECT t.idx, t.kind, t.stix_id, t.version, t.collection, decode(t.sha, 'hex'), t.leaf,"
                        + " decode(t.hash, 'hex'), :accepted"
                        + " FROM unnest(CAST(:idx AS bigint[]), CAST(:kind AS text[]), CAST(:stixId AS text[]),"
                        + " CAST(:version AS text[]), CAST(:collection AS text[]), CAST(:sha AS text[]),"
                        + " CAST(:leaf AS text[]), CAST(:hash AS text[]))"
                        + " AS t(idx, kind, stix_id, version, collection, sha, leaf, hash)")
                .bind("accepted", OffsetDateTime.ofInstant(accepted, ZoneOffset.UTC))
                .bind("idx", index)
                .bind("kind", kind)
                .bind("stixId", stixId)
                .bind("version", version)
                .bind("collection", collection)
                .bind("sha", objectSha)
                .bind("leaf", json)
                .bind("hash", hash)
                .fetch().rowsUpdated().then();
    }

    Mono<Void> insertSubtrees(List<SubtreeHash> subtrees) {
        int n = subtrees.size();
        Integer[] level = new Integer[n];
        Long[] index = new Long[n];
        String[] hash = new String[n];
        for (int i = 0; i < n; i++) {
            level[i] = subtrees.get(i).level();
            index[i] = subtrees.get(i).index();
            hash[i] = HEX.formatHex(subtrees.get(i).hash());
        }
        return db.sql("INSERT INTO log_subtree (level, idx, hash)"
                        + " SELECT t.level, t.idx, decode(t.hash, 'hex')"
                        + " FROM unnest(CAST(:level AS integer[]), CAST(:idx AS bigint[]), CAST(:hash AS text[]))"
                        + " AS t(level, idx, hash)")
                .bind("level", level)
                .bind("idx", index)
                .bind("hash", hash)
                .fetch().rowsUpdated().then();
    }

    Mono<Void> updateState(long size, byte[] root, String checkpoint) {
        return db.sql("UPDATE log_state SET size = :size, root = :root, checkpoint = :checkpoint, updated = now()"
                        + " WHERE id = 1")
                .bind("size", size)
                .bind("root", root)
                .bind("checkpoint", checkpoint)
                .fetch().rowsUpdated().then();
    }

    Mono<StoredLeaf> leaf(long index) {
        return db.sql("SELECT log_index, leaf, leaf_hash FROM log_leaf WHERE log_index = :index")
                .bind("index", index)
                .map((row, meta) -> new StoredLeaf(row.get("log_index", Long.class), row.get("leaf", String.class),
                        row.get("leaf_hash", byte[].class)))
                .one();
    }

    /** The latest leaf of the object version {@code id} + {@code version}, optionally in one collection. */
    Mono<Long> objectVersionIndex(String id, String version, Optional<String> collectionId) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("SELECT max(log_index) AS idx FROM log_leaf"
                        + " WHERE stix_id = :id AND version = :version AND kind = 'object-version'"
                        + (collectionId.isPresent() ? " AND collection_id = :collection" : ""))
                .bind("id", id)
                .bind("version", version);
        if (collectionId.isPresent()) {
            spec = spec.bind("collection", collectionId.get());
        }
        return spec.map((row, meta) -> Optional.ofNullable(row.get("idx", Long.class))).one().flatMap(Mono::justOrEmpty);
    }

    /**
     * The latest object-version leaf of each (id, content SHA-256) in a collection, keyed {@code id + "|" + hex}:
     * the index of a version that was already stored when it was posted again.
     */
    Mono<Map<String, Long>> contentIndexes(String collectionId, List<String> ids, List<byte[]> sha256s) {
        return db.sql("SELECT l.stix_id, encode(l.object_sha256, 'hex') AS sha, max(l.log_index) AS idx FROM log_leaf l"
                        + " JOIN unnest(CAST(:ids AS text[]), CAST(:shas AS text[])) AS w(id, sha)"
                        + " ON l.stix_id = w.id AND l.object_sha256 = decode(w.sha, 'hex')"
                        + " WHERE l.collection_id = :collection AND l.kind = 'object-version'"
                        + " GROUP BY l.stix_id, l.object_sha256")
                .bind("collection", collectionId)
                .bind("ids", ids.toArray(String[]::new))
                .bind("shas", sha256s.stream().map(HEX::formatHex).toArray(String[]::new))
                .map((row, meta) -> Map.entry(row.get("stix_id", String.class) + "|" + row.get("sha", String.class),
                        row.get("idx", Long.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, HashMap::new);
    }

    Mono<String> signer(String origin) {
        return db.sql("SELECT signer FROM log_key WHERE origin = :origin")
                .bind("origin", origin)
                .map((row, meta) -> row.get("signer", String.class))
                .one();
    }

    /** Stores a generated signer unless another instance stored one first; answers the one that is stored. */
    Mono<String> signerIfAbsent(String origin, String signer) {
        return db.sql("INSERT INTO log_key (origin, signer) VALUES (:origin, :signer) ON CONFLICT (origin) DO NOTHING")
                .bind("origin", origin)
                .bind("signer", signer)
                .fetch().rowsUpdated()
                .then(signer(origin));
    }
}
