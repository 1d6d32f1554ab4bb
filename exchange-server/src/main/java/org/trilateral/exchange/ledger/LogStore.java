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
import org.trilateral.exchange.database.JsonTexts;
import org.trilateral.integrity.jcs.StrictJson;
import org.trilateral.integrity.merkle.SubtreeHash;
import reactor.core.publisher.Flux;
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
    /**
     * Joins a leaf's recipients and groups into one text per row, split again by {@code string_to_array} (arrays of
     * arrays do not bind): identity ids and group names never hold the unit separator.
     */
    private static final String LIST_SEPARATOR = "\u001f";

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

    /**
     * The stored hashes of the given perfect subtrees, in one query (those that exist). Each is looked up in the primary
     * key by a lateral subquery that cannot be flattened ({@code LIMIT 1}): a plain join of the positions with the
     * table let a cached generic plan hash the whole table, 6 ms a call at 100,000 leaves instead of 0.1 ms.
     */
    Mono<Map<SubtreeReads.Position, byte[]>> subtrees(Collection<SubtreeReads.Position> positions) {
        Integer[] levels = positions.stream().map(SubtreeReads.Position::level).toArray(Integer[]::new);
        Long[] indexes = positions.stream().map(SubtreeReads.Position::index).toArray(Long[]::new);
        return db.sql("SELECT w.level, w.idx, s.hash"
                        + " FROM unnest(CAST(:levels AS integer[]), CAST(:indexes AS bigint[])) AS w(level, idx)"
                        + " CROSS JOIN LATERAL (SELECT t.hash FROM log_subtree t WHERE t.level = w.level AND t.idx = w.idx"
                        + " LIMIT 1) s")
                .bind("levels", levels)
                .bind("indexes", indexes)
                .map((row, meta) -> Map.entry(
                        new SubtreeReads.Position(row.get("level", Integer.class), row.get("idx", Long.class)),
                        row.get("hash", byte[].class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, HashMap::new);
    }

    /**
     * Writes an appended batch in one statement: its leaves, the perfect subtrees it completed, the new tree head and
     * its signed checkpoint. Must run in the transaction holding {@link #lock()}.
     */
    Mono<Void> writeBatch(List<EncodedLeaf> leaves, Instant accepted, List<SubtreeHash> subtrees, long size, byte[] root,
                          String checkpoint) {
        int n = leaves.size();
        Long[] index = new Long[n];
        String[] kind = new String[n];
        String[] stixId = new String[n];
        String[] version = new String[n];
        String[] collection = new String[n];
        String[] objectSha = new String[n];
        String[] json = new String[n];
        String[] hash = new String[n];
        Boolean[] gated = new Boolean[n];
        String[] salt = new String[n];
        String[] entryText = new String[n];
        String[] publisher = new String[n];
        String[] tlp = new String[n];
        String[] recipients = new String[n];
        String[] groups = new String[n];
        for (int i = 0; i < n; i++) {
            EncodedLeaf leaf = leaves.get(i);
            index[i] = leaf.index();
            kind[i] = leaf.entry().kind();
            json[i] = leaf.text();
            hash[i] = HEX.formatHex(leaf.hash());
            gated[i] = leaf.entry() instanceof SealedLogEntry;
            groups[i] = "";
            if (leaf.entry() instanceof SealedLogEntry sealed) {
                stixId[i] = sealed.id();
                version[i] = sealed.version();
                collection[i] = sealed.collectionId();
                objectSha[i] = HEX.formatHex(sealed.objectSha256());
                salt[i] = HEX.formatHex(leaf.opening().orElseThrow().salt());
                entryText[i] = leaf.opening().orElseThrow().entryText();
                LeafAudience audience = sealed.audience();
                publisher[i] = audience.publisherId();
                tlp[i] = audience.tlp();
                recipients[i] = audience.recipientIdentities() == null ? null
                        : String.join(LIST_SEPARATOR, audience.recipientIdentities());
                groups[i] = String.join(LIST_SEPARATOR, audience.groups().stream().sorted().toList());
            }
        }
        int m = subtrees.size();
        Integer[] subtreeLevel = new Integer[m];
        Long[] subtreeIndex = new Long[m];
        String[] subtreeHash = new String[m];
        for (int i = 0; i < m; i++) {
            subtreeLevel[i] = subtrees.get(i).level();
            subtreeIndex[i] = subtrees.get(i).index();
            subtreeHash[i] = HEX.formatHex(subtrees.get(i).hash());
        }
        // Data-modifying WITH clauses all run, in full, whether or not the final statement reads them.
        return db.sql("WITH leaves AS (INSERT INTO log_leaf (log_index, kind, stix_id, version, collection_id, object_sha256, leaf,"
                        + " leaf_hash, accepted, leaf_version, gated, salt, entry, publisher_id, tlp, recipients,"
                        + " sharing_groups)"
                        + " SELECT t.idx, t.kind, t.stix_id, t.version, t.collection, decode(t.sha, 'hex'), t.leaf,"
                        + " decode(t.hash, 'hex'), :accepted, 2, t.gated, decode(t.salt, 'hex'), t.entry, t.publisher,"
                        + " t.tlp,"
                        + " CASE WHEN t.recipients IS NULL THEN NULL"
                        + " ELSE string_to_array(t.recipients, chr(31)) END,"
                        + " string_to_array(t.groups, chr(31))"
                        + " FROM unnest(CAST(:idx AS bigint[]), CAST(:kind AS text[]), CAST(:stixId AS text[]),"
                        + " CAST(:version AS text[]), CAST(:collection AS text[]), CAST(:sha AS text[]),"
                        + " " + JsonTexts.split(":leaf") + ", CAST(:hash AS text[]), CAST(:gated AS boolean[]),"
                        + " CAST(:salt AS text[]), " + JsonTexts.split(":entry") + ", CAST(:publisher AS text[]),"
                        + " CAST(:tlp AS text[]),"
                        + " CAST(:recipients AS text[]), CAST(:groups AS text[]))"
                        + " AS t(idx, kind, stix_id, version, collection, sha, leaf, hash, gated, salt, entry, publisher,"
                        + " tlp, recipients, groups) RETURNING 1),"
                        + " subtrees AS (INSERT INTO log_subtree (level, idx, hash)"
                        + " SELECT s.level, s.idx, decode(s.hash, 'hex')"
                        + " FROM unnest(CAST(:subtreeLevel AS integer[]), CAST(:subtreeIdx AS bigint[]),"
                        + " CAST(:subtreeHash AS text[])) AS s(level, idx, hash) RETURNING 1),"
                        + " head AS (UPDATE log_state SET size = :size, root = :root, checkpoint = :checkpoint,"
                        + " updated = now() WHERE id = 1 RETURNING 1)"
                        + " INSERT INTO log_checkpoint (size, note) VALUES (:size, :checkpoint) ON CONFLICT (size) DO NOTHING")
                .bind("accepted", OffsetDateTime.ofInstant(accepted, ZoneOffset.UTC))
                .bind("idx", index)
                .bind("kind", kind)
                .bind("stixId", stixId)
                .bind("version", version)
                .bind("collection", collection)
                .bind("sha", objectSha)
                .bind("leaf", JsonTexts.join(json))
                .bind("hash", hash)
                .bind("gated", gated)
                .bind("salt", salt)
                .bind("entry", JsonTexts.join(entryText))
                .bind("publisher", publisher)
                .bind("tlp", tlp)
                .bind("recipients", recipients)
                .bind("groups", groups)
                .bind("subtreeLevel", subtreeLevel)
                .bind("subtreeIdx", subtreeIndex)
                .bind("subtreeHash", subtreeHash)
                .bind("size", size)
                .bind("root", root)
                .bind("checkpoint", checkpoint)
                .fetch().rowsUpdated().then();
    }

    /**
     * The leaf at {@code index}: its text only when it is public (version 2 leaves are all public; a version 1 leaf
     * about an object only to the object's readers), else null.
     */
    Mono<StoredLeaf> leaf(long index, ReadGate gate) {
        return bindAll(db.sql("SELECT log_index, leaf_hash, CASE WHEN leaf_version = 2 OR NOT gated OR (" + gate.sql()
                        + ") THEN leaf END AS leaf FROM log_leaf WHERE log_index = :index"), gate)
                .bind("index", index)
                .map((row, meta) -> new StoredLeaf(row.get("log_index", Long.class), row.get("leaf", String.class),
                        row.get("leaf_hash", byte[].class)))
                .one();
    }

    /** The latest object-version leaf of {@code id} + {@code version} the gate lets read, optionally in one collection. */
    Mono<Long> objectVersionIndex(String id, String version, Optional<String> collectionId, ReadGate gate) {
        DatabaseClient.GenericExecuteSpec spec = bindAll(db.sql("SELECT max(log_index) AS idx FROM log_leaf"
                        + " WHERE stix_id = :id AND version = :version AND kind = 'object-version' AND gated AND ("
                        + gate.sql() + ")" + (collectionId.isPresent() ? " AND collection_id = :collection" : "")), gate)
                .bind("id", id)
                .bind("version", version);
        if (collectionId.isPresent()) {
            spec = spec.bind("collection", collectionId.get());
        }
        return spec.map((row, meta) -> Optional.ofNullable(row.get("idx", Long.class))).one().flatMap(Mono::justOrEmpty);
    }

    /** An opening as stored: a version 2 leaf with its entry and salt, or a version 1 leaf (salt and entry null). */
    record StoredOpening(long index, String leaf, String entry, byte[] salt) {
    }

    private static final String OPENING_COLUMNS = "l.log_index, l.leaf, l.entry, l.salt";

    private static StoredOpening opening(io.r2dbc.spi.Readable row) {
        return new StoredOpening(row.get("log_index", Long.class), row.get("leaf", String.class),
                row.get("entry", String.class), row.get("salt", byte[].class));
    }

    /** The opening of the leaf at {@code index}, when it is about an object the gate lets read. */
    Mono<StoredOpening> openingAt(long index, ReadGate gate) {
        return bindAll(db.sql("SELECT " + OPENING_COLUMNS + " FROM log_leaf l WHERE l.log_index = :index AND l.gated"
                        + " AND (" + gate.sql() + ")"), gate)
                .bind("index", index)
                .map((row, meta) -> opening(row))
                .one();
    }

    /** The openings the gate lets read of leaves in {@code [from, to)}, in index order, at most {@code limit}. */
    Flux<StoredOpening> openingsBetween(long from, long to, int limit, ReadGate gate) {
        return bindAll(db.sql("SELECT " + OPENING_COLUMNS + " FROM log_leaf l WHERE l.log_index >= :from"
                        + " AND l.log_index < :to AND l.gated AND (" + gate.sql() + ") ORDER BY l.log_index LIMIT :limit"), gate)
                .bind("from", from)
                .bind("to", to)
                .bind("limit", limit)
                .map((row, meta) -> opening(row))
                .all();
    }

    /** The openings the gate lets read of the object-version leaves of the given (id, content SHA-256 hex) pairs. */
    Flux<StoredOpening> openingsOf(List<String> ids, List<String> sha256s, ReadGate gate) {
        return bindAll(db.sql("SELECT " + OPENING_COLUMNS + " FROM log_leaf l"
                        + " JOIN unnest(CAST(:ids AS text[]), CAST(:shas AS text[])) AS w(id, sha)"
                        + " ON l.stix_id = w.id AND l.object_sha256 = decode(w.sha, 'hex')"
                        + " WHERE l.gated AND l.kind = 'object-version' AND (" + gate.sql() + ") ORDER BY l.log_index"), gate)
                .bind("ids", ids.toArray(String[]::new))
                .bind("shas", sha256s.toArray(String[]::new))
                .map((row, meta) -> opening(row))
                .all();
    }

    /** The hashes of perfect subtrees at {@code level} with indexes in {@code [from, from + count)}, in order. */
    Flux<byte[]> subtreeRow(int level, long from, int count) {
        return db.sql("SELECT hash FROM log_subtree WHERE level = :level AND idx >= :from AND idx < :to ORDER BY idx")
                .bind("level", level)
                .bind("from", from)
                .bind("to", from + count)
                .map((row, meta) -> row.get("hash", byte[].class))
                .all();
    }

    /** The texts of leaves {@code [from, from + count)} as entry bundles carry them: null for gated version 1 leaves. */
    Flux<String> bundleTexts(long from, int count) {
        return db.sql("SELECT CASE WHEN leaf_version = 2 OR NOT gated THEN leaf END AS leaf FROM log_leaf"
                        + " WHERE log_index >= :from AND log_index < :to ORDER BY log_index")
                .bind("from", from)
                .bind("to", from + count)
                .map((row, meta) -> Optional.ofNullable(row.get("leaf", String.class)).orElse(""))
                .all();
    }

    /** The member id of each of the given identity ids that is a member's identity. */
    Mono<Map<String, String>> membersByIdentity(Collection<String> identityIds) {
        if (identityIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return db.sql("SELECT id, identity_id FROM member WHERE identity_id = ANY(:ids)")
                .bind("ids", identityIds.toArray(String[]::new))
                .map((row, meta) -> Map.entry(row.get("identity_id", String.class), row.get("id", String.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, HashMap::new);
    }

    /** The signed checkpoint of {@code size}, if one was signed. */
    Mono<String> checkpointOf(long size) {
        return db.sql("SELECT note FROM log_checkpoint WHERE size = :size")
                .bind("size", size)
                .map((row, meta) -> row.get("note", String.class))
                .one();
    }

    /** Stores a witness's cosignature line of the checkpoint of {@code size}. */
    Mono<Void> saveCosignature(long size, String witness, String line) {
        return db.sql("INSERT INTO log_cosignature (size, witness, line) VALUES (:size, :witness, :line)"
                        + " ON CONFLICT (size, witness) DO NOTHING")
                .bind("size", size)
                .bind("witness", witness)
                .bind("line", line)
                .fetch().rowsUpdated().then();
    }

    /** The cosignature lines of the checkpoint of {@code size}, by witness name. */
    Mono<Map<String, String>> cosignatures(long size) {
        return db.sql("SELECT witness, line FROM log_cosignature WHERE size = :size")
                .bind("size", size)
                .map((row, meta) -> Map.entry(row.get("witness", String.class), row.get("line", String.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, java.util.TreeMap::new);
    }

    /** The largest tree sizes with at least {@code quorum} cosignatures, newest first. */
    Flux<Long> cosignedSizes(int quorum) {
        return db.sql("SELECT size FROM log_cosignature GROUP BY size HAVING count(*) >= :quorum ORDER BY size DESC LIMIT 1")
                .bind("quorum", quorum)
                .map((row, meta) -> row.get("size", Long.class))
                .all();
    }

    private static DatabaseClient.GenericExecuteSpec bindAll(DatabaseClient.GenericExecuteSpec spec, ReadGate gate) {
        for (Map.Entry<String, Object> bind : gate.binds().entrySet()) {
            spec = spec.bind(bind.getKey(), bind.getValue());
        }
        return spec;
    }

    /**
     * The latest object-version leaf of each (id, content SHA-256) in a collection, keyed {@code id + "|" + hex}:
     * the index of a version that was already stored when it was posted again.
     */
    Mono<Map<String, Long>> contentIndexes(String collectionId, List<String> ids, List<byte[]> sha256s) {
        return db.sql("SELECT l.stix_id, encode(l.object_sha256, 'hex') AS sha, max(l.log_index) AS idx FROM log_leaf l"
                        + " JOIN unnest(CAST(:ids AS text[]), CAST(:shas AS text[])) AS w(id, sha)"
                        + " ON l.stix_id = w.id AND l.object_sha256 = decode(w.sha, 'hex')"
                        // Every object-version leaf is gated: the condition lets the partial index by id and digest answer.
                        + " WHERE l.collection_id = :collection AND l.kind = 'object-version' AND l.gated"
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
