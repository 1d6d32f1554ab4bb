package org.trilateral.exchange.screening;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.trilateral.exchange.access.AudienceCondition;
import org.trilateral.exchange.access.Reader;
import org.trilateral.exchange.collection.CollectionRegistry;
import org.trilateral.exchange.collection.TaxiiCollection;
import org.trilateral.taxonomy.indicator.IpNetwork;
import org.trilateral.taxonomy.stix.StixJson;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The values indicators name, indexed for screening ({@code screening_value}: tokens, wallet addresses, device ids;
 * {@code screening_network}: IP addresses and networks, searched by containment through the prefix lengths present,
 * {@code screening_network_length}). Each collection is indexed in seq
 * order up to its last visible version: a collection's writers hold its advisory lock while they take sequence
 * numbers, so its versions become visible in seq order and none is skipped. A lookup joins {@code stix_object} for the
 * latest versions the reader may read, so the index never widens what a member reads.
 */
@Repository
class ScreeningIndex {

    private static final int BATCH = 2_000;
    private static final Set<String> VALUE_PROPERTIES = Set.of("persona-identifier:digest", "cryptocurrency-wallet:address",
            "device-identifier:value");

    private final DatabaseClient db;
    private final CollectionRegistry collections;
    private volatile boolean progressLoaded;
    /** Each collection's last indexed seq as this instance knows it; another instance's progress is only re-done. */
    private final Map<String, Long> progress = new java.util.concurrent.ConcurrentHashMap<>();
    private final Object lock = new Object();
    private Run running;
    private Run queued;

    ScreeningIndex(DatabaseClient db, CollectionRegistry collections) {
        this.db = db;
        this.collections = collections;
    }

    /** One catch-up run, shared by every screening that waits for it. */
    private static final class Run {
        Mono<Void> mono;
    }

    /**
     * Indexes what was stored since the last catch-up. A screening waits for a run that started after it arrived, so
     * it sees every indicator stored before it; screenings that arrive together share one run.
     */
    Mono<Void> catchUp() {
        synchronized (lock) {
            if (running == null) {
                running = launch(Mono.empty());
                return running.mono;
            }
            if (queued == null) {
                queued = launch(running.mono);
            }
            return queued.mono;
        }
    }

    private Run launch(Mono<Void> after) {
        Run run = new Run();
        run.mono = after.onErrorResume(e -> Mono.empty())
                .then(Mono.defer(() -> {
                    synchronized (lock) {
                        if (queued == run) {
                            running = run;
                            queued = null;
                        }
                    }
                    return indexAll();
                }))
                .doFinally(signal -> {
                    synchronized (lock) {
                        if (running == run) {
                            running = null;
                        }
                    }
                })
                .cache();
        return run;
    }

    private record Row(long seq, String collectionId, String type, String body) {
    }

    /** Indexes batches until no collection has an unindexed indicator version; nothing new costs one query. */
    private Mono<Void> indexAll() {
        return loadProgress().then(batch()).expand(count -> count == BATCH ? batch() : Mono.empty()).then();
    }

    private Mono<Void> loadProgress() {
        if (progressLoaded) {
            return Mono.empty();
        }
        return db.sql("SELECT collection_id, last_seq FROM screening_progress")
                .map((row, meta) -> Map.entry(row.get("collection_id", String.class), row.get("last_seq", Long.class)))
                .all()
                .doOnNext(entry -> progress.merge(entry.getKey(), entry.getValue(), Math::max))
                .then(Mono.fromRunnable(() -> progressLoaded = true));
    }

    private Mono<Integer> batch() {
        List<String> ids = collections.all().stream().map(TaxiiCollection::id).toList();
        // One walk of stix_object_type_page (collection, type, seq) per collection and type, each after the
        // collection's last seq: with both equalities the index gives seq order, so a collection with nothing new costs
        // one probe per type. (With "stix_type IN (...)" the index cannot give that order, and the plan walked the
        // primary key from the last seq instead, past every later row of every other collection: a collection with no
        // indicators, whose last seq stays 0, made each catch-up read the whole table.)
        return db.sql("SELECT o.seq, o.collection_id, o.stix_type, o.body FROM unnest(CAST(:collections AS text[]),"
                        + " CAST(:after AS bigint[])) AS p(collection_id, after)"
                        + " CROSS JOIN (VALUES ('indicator'), ('sighting')) AS t(stix_type) CROSS JOIN LATERAL"
                        + " (SELECT seq, collection_id, stix_type, body FROM stix_object WHERE collection_id = p.collection_id"
                        + " AND stix_type = t.stix_type AND seq > p.after"
                        + " ORDER BY seq LIMIT " + BATCH + ") o ORDER BY o.seq LIMIT " + BATCH)
                .bind("collections", ids.toArray(String[]::new))
                .bind("after", ids.stream().map(id -> progress.getOrDefault(id, 0L)).toArray(Long[]::new))
                .map((row, meta) -> new Row(row.get("seq", Long.class), row.get("collection_id", String.class),
                        row.get("stix_type", String.class), row.get("body", String.class)))
                .all().collectList()
                .flatMap(rows -> rows.isEmpty() ? Mono.just(0) : write(rows).thenReturn(rows.size()));
    }

    private Mono<Void> write(List<Row> rows) {
        List<Long> valueSeq = new ArrayList<>();
        List<String> valueCollection = new ArrayList<>();
        List<String> values = new ArrayList<>();
        List<Long> netSeq = new ArrayList<>();
        List<String> netCollection = new ArrayList<>();
        List<String> networks = new ArrayList<>();
        Map<String, Long> last = new HashMap<>();
        List<Long> sightingSeq = new ArrayList<>();
        List<String> sightingCollection = new ArrayList<>();
        List<String> sightingOf = new ArrayList<>();
        for (Row row : rows) {
            last.merge(row.collectionId(), row.seq(), Math::max);
            JsonNode body = StixJson.mapper().readTree(row.body());
            if (row.type().equals("sighting")) {
                JsonNode of = body.get("sighting_of_ref");
                if (of != null && of.isString()) {
                    sightingSeq.add(row.seq());
                    sightingCollection.add(row.collectionId());
                    sightingOf.add(of.stringValue());
                }
                continue;
            }
            IndicatorFacts facts = IndicatorFacts.of(body.path("pattern").asString(""));
            for (String property : VALUE_PROPERTIES) {
                for (String value : facts.values(property)) {
                    valueSeq.add(row.seq());
                    valueCollection.add(row.collectionId());
                    values.add(value);
                }
            }
            for (String property : List.of("ipv4-addr:value", "ipv6-addr:value")) {
                for (String value : facts.values(property)) {
                    try {
                        networks.add(IpNetwork.parse(value).value());
                        netSeq.add(row.seq());
                        netCollection.add(row.collectionId());
                    } catch (IllegalArgumentException e) {
                        // Not an address: it names nothing screening could look up.
                    }
                }
            }
        }
        Mono<Long> valueRows = values.isEmpty() ? Mono.just(0L) : db.sql("INSERT INTO screening_value (seq, collection_id, value)"
                        + " SELECT * FROM unnest(CAST(:seq AS bigint[]), CAST(:collection AS text[]), CAST(:value AS text[]))"
                        + " ON CONFLICT DO NOTHING")
                .bind("seq", valueSeq.toArray(Long[]::new)).bind("collection", valueCollection.toArray(String[]::new))
                .bind("value", values.toArray(String[]::new)).fetch().rowsUpdated();
        // The prefix lengths before the networks: a lookup that sees a network sees its length (V54).
        Mono<Long> lengthRows = networks.isEmpty() ? Mono.just(0L) : db.sql("INSERT INTO screening_network_length (family, length)"
                        + " SELECT DISTINCT family(n), masklen(n) FROM unnest(CAST(:network AS inet[])) AS t(n)"
                        + " ON CONFLICT DO NOTHING")
                .bind("network", networks.toArray(String[]::new)).fetch().rowsUpdated();
        Mono<Long> networkRows = networks.isEmpty() ? Mono.just(0L) : db.sql("INSERT INTO screening_network (seq, collection_id, network)"
                        + " SELECT t.seq, t.collection, CAST(t.network AS inet) FROM unnest(CAST(:seq AS bigint[]),"
                        + " CAST(:collection AS text[]), CAST(:network AS text[])) AS t(seq, collection, network)"
                        + " ON CONFLICT DO NOTHING")
                .bind("seq", netSeq.toArray(Long[]::new)).bind("collection", netCollection.toArray(String[]::new))
                .bind("network", networks.toArray(String[]::new)).fetch().rowsUpdated();
        Mono<Long> sightingRows = sightingOf.isEmpty() ? Mono.just(0L) : db.sql("INSERT INTO screening_sighting"
                        + " (seq, collection_id, sighting_of_ref) SELECT * FROM unnest(CAST(:seq AS bigint[]),"
                        + " CAST(:collection AS text[]), CAST(:of AS text[])) ON CONFLICT DO NOTHING")
                .bind("seq", sightingSeq.toArray(Long[]::new)).bind("collection", sightingCollection.toArray(String[]::new))
                .bind("of", sightingOf.toArray(String[]::new)).fetch().rowsUpdated();
        Mono<Long> saved = db.sql("INSERT INTO screening_progress AS p (collection_id, last_seq)"
                        + " SELECT * FROM unnest(CAST(:collection AS text[]), CAST(:seq AS bigint[]))"
                        + " ON CONFLICT (collection_id) DO UPDATE SET last_seq = GREATEST(p.last_seq, EXCLUDED.last_seq)")
                .bind("collection", last.keySet().toArray(String[]::new))
                .bind("seq", last.values().toArray(Long[]::new)).fetch().rowsUpdated();
        // Values first, progress last: a failure in between only makes the next run index the rows again.
        return valueRows.then(lengthRows).then(networkRows).then(sightingRows).then(saved)
                .doOnSuccess(done -> last.forEach((collection, seq) -> progress.merge(collection, seq, Math::max)))
                .then();
    }

    /**
     * What one screening reads, in one statement: the latest readable, valid (not revoked, not past
     * {@code valid_until}) indicator versions that name one of {@code values} or a network containing one of
     * {@code ips}, and the latest readable sightings of them that are not revoked.
     */
    Mono<Found> lookup(Reader reader, Collection<String> collections, List<String> values, List<IpNetwork> ips) {
        if (collections.isEmpty() || (values.isEmpty() && ips.isEmpty())) {
            return Mono.just(Found.NOTHING);
        }
        AudienceCondition audience = AudienceCondition.readableBy(reader);
        // All identifiers in one statement whatever their number, so its text (and the server's prepared plan) is the
        // same for every request: the values by the primary key; the networks containing an IP by the primary key too,
        // once per prefix length present in the IP's family (V54): the IP masked to that length, looked up by equality.
        String hits = "SELECT seq FROM screening_value WHERE value = ANY(CAST(:values AS text[]))"
                + " UNION SELECT n.seq FROM unnest(CAST(:ips AS inet[])) AS q(ip)"
                + " JOIN screening_network_length l ON l.family = family(q.ip) AND l.length <= masklen(q.ip)"
                + " JOIN screening_network n ON n.network = CAST(network(set_masklen(q.ip, l.length)) AS inet)";
        // The few seqs first, then the versions by primary key (a materialised CTE), so that no plan can scan every
        // stored object whatever the statistics of the freshly filled index tables say; then the sightings by key.
        String readable = " AND is_latest AND NOT revoked AND collection_id = ANY(:collections) AND " + audience.sql();
        String sql = "WITH hits AS MATERIALIZED (" + hits + "),"
                + " found AS MATERIALIZED (SELECT seq, stix_id, body FROM stix_object WHERE seq IN (SELECT seq FROM hits)"
                + readable + " AND (valid_until IS NULL OR valid_until > statement_timestamp()))"
                // In stored order, so that the same request over the same data gets the same answer, byte for byte.
                + " SELECT what, stix_id, body FROM (SELECT 'indicator' AS what, seq, stix_id, body FROM found"
                + " UNION ALL SELECT 'sighting', seq, stix_id, body FROM stix_object WHERE seq IN (SELECT seq FROM screening_sighting"
                + " WHERE sighting_of_ref IN (SELECT stix_id FROM found))" + readable + ") r ORDER BY what, seq";
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql)
                .bind("values", values.toArray(String[]::new))
                .bind("ips", ips.stream().map(IpNetwork::value).toArray(String[]::new))
                .bind("collections", collections.toArray(String[]::new));
        for (Map.Entry<String, Object> bind : audience.binds().entrySet()) {
            spec = spec.bind(bind.getKey(), bind.getValue());
        }
        return spec.map((row, meta) -> new String[] {row.get("what", String.class), row.get("stix_id", String.class),
                        row.get("body", String.class)})
                .all()
                .collectList()
                .map(rows -> {
                    List<Found.Indicator> indicators = new ArrayList<>();
                    List<String> sightings = new ArrayList<>();
                    for (String[] row : rows) {
                        if (row[0].equals("indicator")) {
                            indicators.add(new Found.Indicator(row[1], row[2]));
                        } else {
                            sightings.add(row[2]);
                        }
                    }
                    return new Found(indicators, sightings);
                });
    }

    /**
     * What a lookup found.
     *
     * @param indicators the indicator versions, by id and body
     * @param sightings  the bodies of the sightings of them
     */
    record Found(List<Indicator> indicators, List<String> sightings) {

        static final Found NOTHING = new Found(List.of(), List.of());

        Found {
            indicators = List.copyOf(indicators);
            sightings = List.copyOf(sightings);
        }

        record Indicator(String stixId, String body) {
        }
    }
}
