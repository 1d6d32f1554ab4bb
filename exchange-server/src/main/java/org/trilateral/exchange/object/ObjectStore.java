package org.trilateral.exchange.object;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.trilateral.exchange.access.AudienceCondition;
import org.trilateral.exchange.access.Reader;
import org.trilateral.exchange.database.JsonTexts;
import org.trilateral.exchange.database.PageReads;
import org.trilateral.exchange.ledger.LeafAudience;
import org.trilateral.exchange.member.MemberId;
import org.trilateral.exchange.taxii.ObjectQuery;
import org.trilateral.exchange.taxii.VersionFilter;
import org.trilateral.taxonomy.stix.StixJson;
import org.trilateral.taxonomy.stix.StixTimestamp;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Object versions in PostgreSQL. Writers of one collection take its advisory lock for the whole
 * transaction, and take sequence numbers and {@code date_added} values while holding it: both then grow in
 * commit order, which is what makes keyset paging gap-free for a reader following {@code next} while others
 * publish (a row can never become visible behind a position a reader has already passed).
 */
@Repository
class ObjectStore {

    private static final int LOCK_NAMESPACE = 7311;
    private static final HexFormat HEX = HexFormat.of();
    /**
     * Joins an object's recipients and groups into one text per row, split again by {@code string_to_array} (arrays
     * of arrays do not bind): identity ids and group names never hold the unit separator.
     */
    private static final String LIST_SEPARATOR = "\u001f";

    /** Above this many {@code match[type]} values a page filters by type instead of merging one walk per type. */
    private static final int MERGED_TYPES = 32;

    private final DatabaseClient db;

    private final PageReads pages;

    ObjectStore(DatabaseClient db, PageReads pages) {
        this.db = db;
        this.pages = pages;
    }

    /**
     * One page of the object versions matching {@code query} that {@code reader} may read (docs/access-rules.md);
     * bodies are read only when {@code withBody}. The audience is a condition of the query itself, so a page holds
     * up to {@code limit} readable objects and keyset paging over {@code seq} is unchanged.
     *
     * <p>Each filter is written so that the page walks an index in {@code seq} order from the cursor and stops after
     * {@code limit + 1} rows (the paging pool forbids sorts, {@link PageReads}): {@code added_after} becomes the
     * position after which rows were added, since {@code seq} and {@code date_added} grow together in a collection;
     * {@code match[type]} merges one walk of the type index per type. {@code match[id]} names a few objects: their
     * versions are found by id and sorted, on the main pool.
     */
    Mono<ObjectPage> find(String collectionId, ObjectQuery query, boolean withBody, Reader reader) {
        PageStatement statement = pageStatement(collectionId, query, withBody, reader);
        DatabaseClient.GenericExecuteSpec spec = (statement.byId() ? db : pages.client()).sql(statement.sql());
        for (Map.Entry<String, Object> bind : statement.binds().entrySet()) {
            spec = spec.bind(bind.getKey(), bind.getValue());
        }
        return spec.map((row, meta) -> new ObjectVersion(
                        row.get("seq", Long.class),
                        row.get("stix_id", String.class),
                        row.get("spec_version", String.class),
                        row.get("version_text", String.class),
                        instantOfMicros(row.get("added_micros", Long.class)),
                        withBody ? row.get("body", String.class) : null))
                .all()
                .collectList()
                .map(rows -> rows.size() > query.limit()
                        ? new ObjectPage(rows.subList(0, query.limit()), true)
                        : new ObjectPage(rows, false));
    }

    /**
     * The one statement of a page: on the paging pool ({@link PageReads}), whose connections forbid bitmap scans and
     * sorts, unless {@code byId} (it names objects by id; the main pool).
     */
    record PageStatement(String sql, Map<String, Object> binds, boolean byId) {
    }

    static PageStatement pageStatement(String collectionId, ObjectQuery query, boolean withBody, Reader reader) {
        // date_added as microseconds since the epoch: a number decodes far faster than a timestamp's text.
        String columns = "seq, stix_id, spec_version, version_text,"
                + " CAST(EXTRACT(EPOCH FROM date_added) * 1000000 AS bigint) AS added_micros" + (withBody ? ", body" : "");
        StringBuilder fromWhere = new StringBuilder(" FROM stix_object WHERE collection_id = :collection AND seq > :after");
        Map<String, Object> binds = new HashMap<>();
        binds.put("collection", collectionId);
        binds.put("after", query.cursor().afterSequence());
        query.addedAfter().ifPresent(t -> {
            // The row added last at or before t (stix_object_added, walked backwards) bounds the walk from below.
            fromWhere.append(" AND seq > coalesce((SELECT a.seq FROM stix_object a WHERE a.collection_id = :collection"
                    + " AND a.date_added <= :addedAfter ORDER BY a.date_added DESC LIMIT 1), 0)"
                    + " AND date_added > :addedAfter");
            binds.put("addedAfter", OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
        });
        boolean byId = !query.ids().isEmpty();
        if (byId) {
            fromWhere.append(" AND stix_id = ANY(:ids)");
            binds.put("ids", query.ids().toArray(String[]::new));
        }
        if (!query.specVersions().isEmpty()) {
            fromWhere.append(" AND spec_version = ANY(:specs)");
            binds.put("specs", query.specVersions().toArray(String[]::new));
        }
        if (!query.includeInvalid()) {
            // Default feeds leave out revoked (STIX 2.1 §3.6) and expired (§4.7 valid_until) versions; V43 columns.
            fromWhere.append(" AND NOT revoked AND (valid_until IS NULL OR valid_until > statement_timestamp())");
        }
        AudienceCondition audience = AudienceCondition.readableBy(reader);
        appendVersionFilter(fromWhere, binds, query.versions(), Optional.of(audience));
        fromWhere.append(" AND ").append(audience.sql());
        binds.putAll(audience.binds());
        binds.put("limit", query.limit() + 1);

        List<String> types = List.copyOf(query.types());
        String sql;
        if (types.isEmpty()) {
            sql = "SELECT " + columns + fromWhere + " ORDER BY seq LIMIT :limit";
        } else if (byId || types.size() > MERGED_TYPES) {
            binds.put("types", types.toArray(String[]::new));
            sql = "SELECT " + columns + fromWhere + " AND stix_type = ANY(:types) ORDER BY seq LIMIT :limit";
        } else {
            // One walk of stix_object_type_page per type, merged in seq order (a Merge Append, no sort).
            StringBuilder merged = new StringBuilder("SELECT * FROM (");
            for (int i = 0; i < types.size(); i++) {
                binds.put("type" + i, types.get(i));
                merged.append(i == 0 ? "" : " UNION ALL ").append("(SELECT ").append(columns).append(fromWhere)
                        .append(" AND stix_type = :type").append(i).append(" ORDER BY seq LIMIT :limit)");
            }
            sql = merged.append(") t ORDER BY seq LIMIT :limit").toString();
        }
        return new PageStatement(sql, Map.copyOf(binds), byId);
    }

    private static Instant instantOfMicros(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    /** A deleted version, with what its tombstone names: its digest and its audience. */
    record DeletedVersion(String versionText, byte[] sha256, LeafAudience audience) {
    }

    /**
     * Deletes the versions of one object that match the filters; answers the deleted versions, for the transparency
     * log's tombstones. Must run in a transaction.
     */
    Mono<List<DeletedVersion>> delete(String collectionId, String id, VersionFilter versions, Set<String> specVersions) {
        StringBuilder sql = new StringBuilder("DELETE FROM stix_object WHERE collection_id = :collection AND stix_id = :id");
        Map<String, Object> binds = new HashMap<>();
        binds.put("collection", collectionId);
        binds.put("id", id);
        if (!specVersions.isEmpty()) {
            sql.append(" AND spec_version = ANY(:specs)");
            binds.put("specs", specVersions.toArray(String[]::new));
        }
        appendVersionFilter(sql, binds, versions, Optional.empty());
        sql.append(" RETURNING version_text, content_sha256, publisher_id, tlp, recipients, sharing_groups");
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql.toString());
        for (Map.Entry<String, Object> bind : binds.entrySet()) {
            spec = spec.bind(bind.getKey(), bind.getValue());
        }
        DatabaseClient.GenericExecuteSpec delete = spec;
        return lock(collectionId)
                .then(delete.map((row, meta) -> new DeletedVersion(row.get("version_text", String.class),
                        row.get("content_sha256", byte[].class), leafAudience(row))).all().collectList())
                .flatMap(deleted -> deleted.isEmpty() ? Mono.just(deleted)
                        : refreshFirstAndLast(collectionId, List.of(id)).thenReturn(deleted));
    }

    /**
     * The audience a stored version's leaves carry, from its columns {@code publisher_id}, {@code tlp},
     * {@code recipients} and {@code sharing_groups}.
     */
    private static LeafAudience leafAudience(io.r2dbc.spi.Readable row) {
        String[] recipients = row.get("recipients", String[].class);
        String[] groups = row.get("sharing_groups", String[].class);
        String publisher = row.get("publisher_id", String.class);
        return new LeafAudience(publisher == null ? "" : publisher, row.get("tlp", String.class),
                recipients == null ? null : List.of(recipients), Set.of(groups));
    }

    /** A version whose expiry is due: its row and what its expiry leaf names. */
    record DueExpiry(long seq, String id, String versionText, byte[] sha256, String validUntil, LeafAudience audience) {
    }

    /** The condition of a version whose expiry is due at {@code :now} and not logged yet (V55's partial index). */
    private static final String EXPIRY_DUE = "valid_until IS NOT NULL AND valid_until <= :now AND is_latest"
            + " AND NOT revoked AND NOT expiry_logged";

    /** The collections holding a version whose expiry is due at {@code now} and not logged yet. */
    Flux<String> collectionsWithDueExpiries(OffsetDateTime now) {
        return db.sql("SELECT DISTINCT collection_id FROM stix_object WHERE " + EXPIRY_DUE)
                .bind("now", now)
                .map((row, meta) -> row.get("collection_id", String.class))
                .all();
    }

    /**
     * At most {@code limit} versions of a collection whose expiry is due at {@code now}, earliest first, locked until
     * the transaction ends. Must run in a transaction holding the collection's lock.
     */
    Flux<DueExpiry> dueExpiries(String collectionId, OffsetDateTime now, int limit) {
        // valid_until as the object states it, for the leaf: the column is its parsed value (V43).
        return db.sql("SELECT seq, stix_id, version_text, content_sha256, publisher_id, tlp, recipients, sharing_groups,"
                        + " CAST(body AS jsonb) ->> 'valid_until' AS valid_until_text FROM stix_object"
                        + " WHERE collection_id = :collection AND " + EXPIRY_DUE
                        + " ORDER BY valid_until, seq LIMIT :limit FOR UPDATE")
                .bind("collection", collectionId)
                .bind("now", now)
                .bind("limit", limit)
                .map((row, meta) -> new DueExpiry(row.get("seq", Long.class), row.get("stix_id", String.class),
                        row.get("version_text", String.class), row.get("content_sha256", byte[].class),
                        row.get("valid_until_text", String.class), leafAudience(row)))
                .all();
    }

    /** Marks the versions of {@code due} as having their expiry logged. Must run in the appending transaction. */
    Mono<Void> markExpiryLogged(List<DueExpiry> due) {
        return db.sql("UPDATE stix_object SET expiry_logged = TRUE WHERE seq = ANY(:seqs)")
                .bind("seqs", due.stream().map(DueExpiry::seq).toArray(Long[]::new))
                .fetch().rowsUpdated().then();
    }

    /**
     * Takes the collection's ingest lock until the transaction ends: writers of one collection then take sequence
     * numbers and {@code date_added} values in commit order. Writers of several collections take them in the order of
     * their ids, then the log's lock.
     */
    Mono<Void> lock(String collectionId) {
        return db.sql("SELECT pg_advisory_xact_lock(:ns, hashtext(:collection))")
                .bind("ns", LOCK_NAMESPACE)
                .bind("collection", collectionId)
                .fetch().rowsUpdated().then();
    }

    /**
     * Every stored version (and content digest) of the given ids in every collection, by id, each with whether
     * {@code publisher} may read it.
     */
    Mono<Map<String, List<VersionPlan.Stored>>> existingVersions(String[] ids, Reader publisher) {
        AudienceCondition readable = AudienceCondition.readableBy(publisher);
        DatabaseClient.GenericExecuteSpec spec = db.sql("SELECT collection_id, stix_id, version, versioned,"
                        + " encode(content_sha256, 'hex') AS sha, publisher_id, (" + readable.sql() + ") AS readable"
                        + " FROM stix_object WHERE stix_id = ANY(:ids)")
                .bind("ids", ids);
        for (Map.Entry<String, Object> bind : readable.binds().entrySet()) {
            spec = spec.bind(bind.getKey(), bind.getValue());
        }
        return spec.map((row, meta) -> new VersionPlan.Stored(
                        row.get("collection_id", String.class),
                        row.get("stix_id", String.class),
                        row.get("version", OffsetDateTime.class).toInstant(),
                        Boolean.TRUE.equals(row.get("versioned", Boolean.class)),
                        row.get("sha", String.class),
                        publisher(row.get("publisher_id", String.class)),
                        Boolean.TRUE.equals(row.get("readable", Boolean.class))))
                .all()
                .collectMultimap(VersionPlan.Stored::id)
                .map(map -> {
                    Map<String, List<VersionPlan.Stored>> copy = new HashMap<>();
                    map.forEach((k, v) -> copy.put(k, List.copyOf(v)));
                    return copy;
                });
    }

    /** Versions of the same chain as the outer row, later ({@code >}) or earlier ({@code <}), that the reader may read. */
    private static String sameChain(String direction, AudienceCondition audience) {
        // Unqualified columns of the audience condition resolve to the inner row n.
        return "SELECT 1 FROM stix_object n WHERE n.collection_id = stix_object.collection_id"
                + " AND n.stix_id = stix_object.stix_id AND n.publisher_id IS NOT DISTINCT FROM stix_object.publisher_id"
                + " AND n.version " + direction + " stix_object.version AND " + audience.sql();
    }

    private static MemberId publisher(String stored) {
        return stored == null ? null : new MemberId(stored);
    }

    /** Where a new version goes in its collection's order: its sequence number and its {@code date_added}. */
    record Slot(long seq, Instant dateAdded) {
    }

    /**
     * Reserves {@code count} sequence numbers and as many consecutive microseconds of {@code date_added} after the
     * collection's last one and no earlier than now, in one statement; answers them in order. Must run under the
     * collection's lock, so that both grow in commit order.
     */
    Mono<List<Slot>> allocate(String collectionId, int count) {
        return db.sql("WITH c AS (INSERT INTO collection_clock AS c (collection_id, last_added)"
                        + " VALUES (:collection, date_trunc('microseconds', clock_timestamp()) + (:span * interval '1 microsecond'))"
                        + " ON CONFLICT (collection_id) DO UPDATE SET last_added ="
                        + " greatest(date_trunc('microseconds', clock_timestamp()), c.last_added + interval '1 microsecond')"
                        + " + (:span * interval '1 microsecond')"
                        + " RETURNING last_added - (:span * interval '1 microsecond') AS base)"
                        // One row: the base decoded once, not once per slot.
                        + " SELECT (SELECT base FROM c) AS base, ARRAY(SELECT nextval('stix_object_seq')"
                        + " FROM generate_series(1, :count)) AS seqs")
                .bind("collection", collectionId)
                .bind("span", count - 1)
                .bind("count", count)
                .map((row, meta) -> {
                    Instant base = row.get("base", OffsetDateTime.class).toInstant();
                    Long[] seqs = row.get("seqs", Long[].class);
                    Arrays.sort(seqs);
                    List<Slot> ordered = new ArrayList<>(seqs.length);
                    for (int i = 0; i < seqs.length; i++) {
                        ordered.add(new Slot(seqs[i], base.plus(i, ChronoUnit.MICROS)));
                    }
                    return ordered;
                })
                .one();
    }

    /** A version to insert, in the slot allocated to it. */
    record NewVersion(String collectionId, IncomingObject object, Slot slot) {
    }

    /** Inserts new versions of any collections in one statement. Must run under their collections' locks. */
    Mono<Void> insert(List<NewVersion> versions) {
        int n = versions.size();
        Long[] seq = new Long[n];
        String[] collection = new String[n];
        String[] id = new String[n];
        String[] type = new String[n];
        String[] spec = new String[n];
        String[] version = new String[n];
        String[] versionText = new String[n];
        String[] addedAt = new String[n];
        Boolean[] versioned = new Boolean[n];
        String[] sha = new String[n];
        String[] body = new String[n];
        String[] publisher = new String[n];
        String[] tlp = new String[n];
        // Arrays of arrays do not bind; each object's recipients and groups travel as one text (LIST_SEPARATOR).
        String[] recipients = new String[n];
        String[] groups = new String[n];
        for (int i = 0; i < n; i++) {
            IncomingObject object = versions.get(i).object();
            Instant added = versions.get(i).slot().dateAdded();
            seq[i] = versions.get(i).slot().seq();
            collection[i] = versions.get(i).collectionId();
            id[i] = object.id();
            type[i] = object.type();
            spec[i] = object.specVersion();
            Instant v = object.versioned() ? object.version() : added;
            version[i] = v.toString();
            versionText[i] = object.versioned() ? object.versionText() : StixTimestamp.formatMicros(added);
            addedAt[i] = added.toString();
            versioned[i] = object.versioned();
            sha[i] = HEX.formatHex(object.sha256());
            body[i] = object.body();
            publisher[i] = object.publisherId().value();
            tlp[i] = object.audience().tlp().tlp20Value();
            recipients[i] = object.audience().recipients() == null ? null
                    : String.join(LIST_SEPARATOR, object.audience().recipients());
            groups[i] = String.join(LIST_SEPARATOR, object.audience().groups().stream().sorted().toList());
        }
        return db.sql("INSERT INTO stix_object (seq, collection_id, stix_id, stix_type, spec_version, version,"
                        + " version_text, date_added, versioned, content_sha256, body, publisher_id, tlp, recipients, sharing_groups)"
                        + " SELECT t.seq, t.collection, t.id, t.type, t.spec, CAST(t.version AS timestamptz), t.version_text,"
                        + " CAST(t.added AS timestamptz), t.versioned, decode(t.sha, 'hex'), t.body, t.publisher, t.tlp,"
                        + " CASE WHEN t.recipients IS NULL THEN NULL"
                        + " ELSE string_to_array(t.recipients, chr(31)) END,"
                        + " string_to_array(t.groups, chr(31))"
                        + " FROM unnest(CAST(:seq AS bigint[]), CAST(:collection AS text[]), CAST(:id AS text[]), CAST(:type AS text[]),"
                        + " CAST(:spec AS text[]), CAST(:version AS text[]), CAST(:versionText AS text[]),"
                        + " CAST(:added AS text[]), CAST(:versioned AS boolean[]), CAST(:sha AS text[]),"
                        + " " + JsonTexts.split(":body") + ","
                        + " CAST(:publisher AS text[]), CAST(:tlp AS text[]), CAST(:recipients AS text[]), CAST(:groups AS text[]))"
                        + " AS t(seq, collection, id, type, spec, version, version_text, added, versioned, sha, body, publisher, tlp,"
                        + " recipients, groups)")
                .bind("collection", collection)
                .bind("seq", seq)
                .bind("id", id)
                .bind("type", type)
                .bind("spec", spec)
                .bind("version", version)
                .bind("versionText", versionText)
                .bind("added", addedAt)
                .bind("versioned", versioned)
                .bind("sha", sha)
                .bind("body", JsonTexts.join(body))
                .bind("publisher", publisher)
                .bind("tlp", tlp)
                .bind("recipients", recipients)
                .bind("groups", groups)
                .fetch().rowsUpdated().then();
    }

    /** Recomputes which version of each object is its first and its last (TAXII 2.1 §3.5.1 first / last). */
    Mono<Void> refreshFirstAndLast(String collectionId, List<String> ids) {
        // One chain per publisher (V13); a chain whose versions have different audiences is marked mixed, so readers
        // who may not read its latest or first version are given the latest or first one they may read.
        return db.sql("UPDATE stix_object o SET is_latest = (o.version = m.maxv), is_first = (o.version = m.minv),"
                        + " chain_mixed = m.mixed"
                        + " FROM (SELECT stix_id, publisher_id, max(version) AS maxv, min(version) AS minv,"
                        + " count(DISTINCT tlp || '|' || coalesce(array_to_string(recipients, ','), '-') || '|'"
                        + " || array_to_string(sharing_groups, ',')) > 1 AS mixed FROM stix_object"
                        + " WHERE collection_id = :collection AND stix_id = ANY(:ids) GROUP BY stix_id, publisher_id) m"
                        + " WHERE o.collection_id = :collection AND o.stix_id = m.stix_id"
                        + " AND o.publisher_id IS NOT DISTINCT FROM m.publisher_id"
                        + " AND (o.is_latest <> (o.version = m.maxv) OR o.is_first <> (o.version = m.minv)"
                        + " OR o.chain_mixed <> m.mixed)")
                .bind("collection", collectionId)
                .bind("ids", ids.toArray(String[]::new))
                .fetch().rowsUpdated().then();
    }

    /**
     * The {@code match[version]} condition. For a reader ({@code audience}), "last" and "first" are the latest and
     * first versions of each chain it may read: in a chain whose versions have different audiences, a version counts
     * when no later (earlier) version of the same chain is readable by it.
     */
    private static void appendVersionFilter(StringBuilder sql, Map<String, Object> binds, VersionFilter versions,
                                            Optional<AudienceCondition> audience) {
        if (versions.all()) {
            return;
        }
        List<String> alternatives = new ArrayList<>();
        if (versions.last()) {
            alternatives.add(audience.map(a -> "(is_latest OR (chain_mixed AND NOT EXISTS (" + sameChain(">", a) + ")))")
                    .orElse("is_latest"));
        }
        if (versions.first()) {
            alternatives.add(audience.map(a -> "(is_first OR (chain_mixed AND NOT EXISTS (" + sameChain("<", a) + ")))")
                    .orElse("is_first"));
        }
        if (!versions.timestamps().isEmpty()) {
            alternatives.add("version = ANY(CAST(:versions AS timestamptz[]))");
            binds.put("versions", versions.timestamps().stream().map(Instant::toString).toArray(String[]::new));
        }
        sql.append(" AND (").append(String.join(" OR ", alternatives)).append(")");
    }
}
