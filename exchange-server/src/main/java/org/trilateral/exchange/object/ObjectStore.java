package org.trilateral.exchange.object;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.trilateral.exchange.access.AudienceCondition;
import org.trilateral.exchange.access.Reader;
import org.trilateral.exchange.ledger.LeafAudience;
import org.trilateral.exchange.member.MemberId;
import org.trilateral.exchange.taxii.ObjectQuery;
import org.trilateral.exchange.taxii.VersionFilter;
import org.trilateral.taxonomy.stix.StixJson;
import org.trilateral.taxonomy.stix.StixTimestamp;
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

    private final DatabaseClient db;

    private final TransactionalOperator transaction;

    ObjectStore(DatabaseClient db, TransactionalOperator transaction) {
        this.db = db;
        this.transaction = transaction;
    }

    /**
     * One page of the object versions matching {@code query} that {@code reader} may read (docs/access-rules.md);
     * bodies are read only when {@code withBody}. The audience is a condition of the query itself, so a page holds
     * up to {@code limit} readable objects and keyset paging over {@code seq} is unchanged.
     */
    Mono<ObjectPage> find(String collectionId, ObjectQuery query, boolean withBody, Reader reader) {
        StringBuilder sql = new StringBuilder("SELECT seq, stix_id, spec_version, version_text, date_added")
                .append(withBody ? ", body" : "")
                .append(" FROM stix_object WHERE collection_id = :collection AND seq > :after");
        Map<String, Object> binds = new HashMap<>();
        binds.put("collection", collectionId);
        binds.put("after", query.cursor().afterSequence());
        query.addedAfter().ifPresent(t -> {
            sql.append(" AND date_added > :addedAfter");
            binds.put("addedAfter", OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
        });
        if (!query.ids().isEmpty()) {
            sql.append(" AND stix_id = ANY(:ids)");
            binds.put("ids", query.ids().toArray(String[]::new));
        }
        if (!query.types().isEmpty()) {
            sql.append(" AND stix_type = ANY(:types)");
            binds.put("types", query.types().toArray(String[]::new));
        }
        if (!query.specVersions().isEmpty()) {
            sql.append(" AND spec_version = ANY(:specs)");
            binds.put("specs", query.specVersions().toArray(String[]::new));
        }
        if (!query.includeInvalid()) {
            // Default feeds leave out revoked (STIX 2.1 §3.6) and expired (§4.7 valid_until) versions; V43 columns.
            sql.append(" AND NOT revoked AND (valid_until IS NULL OR valid_until > statement_timestamp())");
        }
        AudienceCondition audience = AudienceCondition.readableBy(reader);
        appendVersionFilter(sql, binds, query.versions(), Optional.of(audience));
        sql.append(" AND ").append(audience.sql());
        binds.putAll(audience.binds());
        sql.append(" ORDER BY seq LIMIT :limit");
        binds.put("limit", query.limit() + 1);

        DatabaseClient.GenericExecuteSpec spec = db.sql(sql.toString());
        for (Map.Entry<String, Object> bind : binds.entrySet()) {
            spec = spec.bind(bind.getKey(), bind.getValue());
        }
        Mono<ObjectPage> page = spec.map((row, meta) -> new ObjectVersion(
                        row.get("seq", Long.class),
                        row.get("stix_id", String.class),
                        row.get("spec_version", String.class),
                        row.get("version_text", String.class),
                        row.get("date_added", OffsetDateTime.class).toInstant(),
                        withBody ? row.get("body", String.class) : null))
                .all()
                .collectList()
                .map(rows -> rows.size() > query.limit()
                        ? new ObjectPage(rows.subList(0, query.limit()), true)
                        : new ObjectPage(rows, false));
        // A page must walk an index in seq order and stop after limit+1 rows, whatever the planner's statistics say:
        // with stale statistics (right after a bulk publish) and the audience condition, PostgreSQL otherwise picks a
        // bitmap scan that reads every row after the cursor and sorts them, so a page would cost more the more
        // objects follow it. Both settings last for this transaction only.
        return db.sql("SELECT set_config('enable_bitmapscan', 'off', true), set_config('enable_sort', 'off', true)")
                .then()
                .then(page)
                .as(transaction::transactional);
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
                .then(delete.map((row, meta) -> {
                    String[] recipients = row.get("recipients", String[].class);
                    String[] groups = row.get("sharing_groups", String[].class);
                    String publisher = row.get("publisher_id", String.class);
                    return new DeletedVersion(row.get("version_text", String.class), row.get("content_sha256", byte[].class),
                            new LeafAudience(publisher == null ? "" : publisher, row.get("tlp", String.class),
                                    recipients == null ? null : List.of(recipients), Set.of(groups)));
                }).all().collectList())
                .flatMap(deleted -> deleted.isEmpty() ? Mono.just(deleted)
                        : refreshFirstAndLast(collectionId, List.of(id)).thenReturn(deleted));
    }

    /**
     * Stores validated objects of one envelope, each on its own: a version already stored with the same content
     * is a success that changes nothing; the same id and version with other content is a conflict. Must run in a
     * transaction.
     */
    Mono<List<StoreOutcome>> store(String collectionId, List<IncomingObject> objects, Reader publisher) {
        if (objects.isEmpty()) {
            return Mono.just(List.of());
        }
        String[] ids = objects.stream().map(IncomingObject::id).distinct().toArray(String[]::new);
        return lock(collectionId)
                .then(existingVersions(ids, publisher))
                .flatMap(existing -> {
                    VersionPlan plan = VersionPlan.of(objects, existing, collectionId);
                    if (plan.added().isEmpty()) {
                        return Mono.just(plan.outcomes(List.of()));
                    }
                    int count = plan.added().size();
                    return nextDateAdded(collectionId, count)
                            .zipWith(nextSequences(count))
                            .flatMap(clock -> {
                                Instant base = clock.getT1();
                                List<Long> seqs = clock.getT2();
                                List<Instant> added = new ArrayList<>(count);
                                for (int i = 0; i < count; i++) {
                                    added.add(base.plus(i, ChronoUnit.MICROS));
                                }
                                List<String> severalVersions = plan.idsWithSeveralVersions();
                                return insert(collectionId, plan.added(), seqs, added)
                                        .then(severalVersions.isEmpty() ? Mono.empty()
                                                : refreshFirstAndLast(collectionId, severalVersions))
                                        .thenReturn(plan.outcomes(added));
                            });
                });
    }

    private Mono<Void> lock(String collectionId) {
        return db.sql("SELECT pg_advisory_xact_lock(:ns, hashtext(:collection))")
                .bind("ns", LOCK_NAMESPACE)
                .bind("collection", collectionId)
                .fetch().rowsUpdated().then();
    }

    /**
     * Every stored version (and content digest) of the given ids in every collection, by id, each with whether
     * {@code publisher} may read it.
     */
    private Mono<Map<String, List<VersionPlan.Stored>>> existingVersions(String[] ids, Reader publisher) {
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

    /**
     * Reserves {@code count} consecutive microseconds of {@code date_added} after the collection's last one and
     * no earlier than now; answers the first.
     */
    private Mono<Instant> nextDateAdded(String collectionId, int count) {
        return db.sql("INSERT INTO collection_clock AS c (collection_id, last_added)"
                        + " VALUES (:collection, date_trunc('microseconds', clock_timestamp()) + (:span * interval '1 microsecond'))"
                        + " ON CONFLICT (collection_id) DO UPDATE SET last_added ="
                        + " greatest(date_trunc('microseconds', clock_timestamp()), c.last_added + interval '1 microsecond')"
                        + " + (:span * interval '1 microsecond')"
                        + " RETURNING last_added - (:span * interval '1 microsecond') AS base")
                .bind("collection", collectionId)
                .bind("span", count - 1)
                .map((row, meta) -> row.get("base", OffsetDateTime.class).toInstant())
                .one();
    }

    private Mono<List<Long>> nextSequences(int count) {
        return db.sql("SELECT nextval('stix_object_seq') AS seq FROM generate_series(1, :count)")
                .bind("count", count)
                .map((row, meta) -> row.get("seq", Long.class))
                .all()
                .sort()
                .collectList();
    }

    private Mono<Void> insert(String collectionId, List<IncomingObject> added, List<Long> seqs, List<Instant> dateAdded) {
        int n = added.size();
        Long[] seq = seqs.toArray(Long[]::new);
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
        // Arrays of arrays do not bind; each object's recipients and groups travel as one JSON array text.
        String[] recipients = new String[n];
        String[] groups = new String[n];
        for (int i = 0; i < n; i++) {
            IncomingObject object = added.get(i);
            id[i] = object.id();
            type[i] = object.type();
            spec[i] = object.specVersion();
            Instant v = object.versioned() ? object.version() : dateAdded.get(i);
            version[i] = v.toString();
            versionText[i] = object.versioned() ? object.versionText() : StixTimestamp.formatMicros(dateAdded.get(i));
            addedAt[i] = dateAdded.get(i).toString();
            versioned[i] = object.versioned();
            sha[i] = HEX.formatHex(object.sha256());
            body[i] = object.body();
            publisher[i] = object.publisherId().value();
            tlp[i] = object.audience().tlp().tlp20Value();
            recipients[i] = object.audience().recipients() == null ? null
                    : StixJson.mapper().writeValueAsString(object.audience().recipients());
            groups[i] = StixJson.mapper().writeValueAsString(object.audience().groups().stream().sorted().toList());
        }
        return db.sql("INSERT INTO stix_object (seq, collection_id, stix_id, stix_type, spec_version, version,"
                        + " version_text, date_added, versioned, content_sha256, body, publisher_id, tlp, recipients, sharing_groups)"
                        + " SELECT t.seq, :collection, t.id, t.type, t.spec, CAST(t.version AS timestamptz), t.version_text,"
                        + " CAST(t.added AS timestamptz), t.versioned, decode(t.sha, 'hex'), t.body, t.publisher, t.tlp,"
                        + " CASE WHEN t.recipients IS NULL THEN NULL"
                        + " ELSE ARRAY(SELECT jsonb_array_elements_text(CAST(t.recipients AS jsonb))) END,"
                        + " ARRAY(SELECT jsonb_array_elements_text(CAST(t.groups AS jsonb)))"
                        + " FROM unnest(CAST(:seq AS bigint[]), CAST(:id AS text[]), CAST(:type AS text[]),"
                        + " CAST(:spec AS text[]), CAST(:version AS text[]), CAST(:versionText AS text[]),"
                        + " CAST(:added AS text[]), CAST(:versioned AS boolean[]), CAST(:sha AS text[]), CAST(:body AS text[]),"
                        + " CAST(:publisher AS text[]), CAST(:tlp AS text[]), CAST(:recipients AS text[]), CAST(:groups AS text[]))"
                        + " AS t(seq, id, type, spec, version, version_text, added, versioned, sha, body, publisher, tlp,"
                        + " recipients, groups)")
                .bind("collection", collectionId)
                .bind("seq", seq)
                .bind("id", id)
                .bind("type", type)
                .bind("spec", spec)
                .bind("version", version)
                .bind("versionText", versionText)
                .bind("added", addedAt)
                .bind("versioned", versioned)
                .bind("sha", sha)
                .bind("body", body)
                .bind("publisher", publisher)
                .bind("tlp", tlp)
                .bind("recipients", recipients)
                .bind("groups", groups)
                .fetch().rowsUpdated().then();
    }

    /** Recomputes which version of each object is its first and its last (TAXII 2.1 §3.5.1 first / last). */
    private Mono<Void> refreshFirstAndLast(String collectionId, List<String> ids) {
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
