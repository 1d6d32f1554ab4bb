package org.trilateral.exchange.object;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.trilateral.exchange.access.Reader;
import org.trilateral.exchange.database.PageReads;
import org.trilateral.exchange.member.MemberId;
import org.trilateral.exchange.support.ExchangeIntegrationTest;
import org.trilateral.exchange.taxii.ObjectQuery;
import org.trilateral.exchange.taxii.PageCursor;
import org.trilateral.exchange.taxii.VersionFilter;
import org.trilateral.taxonomy.stix.StixJson;
import tools.jackson.databind.JsonNode;

/**
 * A page reads about {@code limit} rows whatever its filters, at any size of the collection: its statement walks an
 * index in keyset order from the cursor and stops, on the paging pool, which forbids sorts. Measured as PostgreSQL
 * counts it ({@code EXPLAIN ANALYZE}: rows returned and rows removed by a filter, of every scan of
 * {@code stix_object}), on 30,000 stored versions where the rows a filter wants are few or at the end. Before each
 * filter was written as a keyset walk, {@code added_after} and {@code match[type]} pages read the whole collection
 * (30,000 rows here, a second at 1,000,000 objects).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagePlanTest extends ExchangeIntegrationTest {

    private static final String COLLECTION = "page-plan-test";
    private static final int ROWS = 30_000;
    private static final int LIMIT = 100;
    /** Well above a page's limit + 1 rows and the few the cursor's neighbourhood adds; far below a walk of all. */
    private static final int BOUND = 4 * (LIMIT + 1);
    private static final Reader READER = new Reader(new MemberId("plan-reader"),
            "identity--5d0092c5-5f74-4287-9642-33f4c354e56d", Set.of());
    private static final Instant FIRST_ADDED = Instant.parse("2026-01-01T00:00:00Z");

    @Autowired
    DatabaseClient db;

    @Autowired
    PageReads pages;

    /**
     * Row i (0-based, in seq order) was added at FIRST_ADDED + i ms; it is a report when i % 1000 == 999, malware when
     * i % 1000 == 501, an indicator otherwise; every fourth row is TLP:RED for no one (the reader may not read it).
     */
    @BeforeAll
    void storeRows() {
        db.sql("INSERT INTO stix_object (seq, collection_id, stix_id, stix_type, spec_version, version, version_text,"
                        + " date_added, versioned, content_sha256, body, publisher_id, tlp, recipients, sharing_groups)"
                        + " SELECT nextval('stix_object_seq'), :collection, t.type || '--' || CAST(md5(CAST(g AS text)) AS uuid),"
                        + " t.type, '2.1', :first, '2026-01-01T00:00:00.000Z', CAST(:first AS timestamptz) + g * interval '1 ms',"
                        + " true, sha256(CAST(CAST(g AS text) AS bytea)), '{}', 'someone-else',"
                        + " CASE WHEN g % 4 = 0 THEN 'red' ELSE 'green' END,"
                        + " CASE WHEN g % 4 = 0 THEN CAST('{}' AS text[]) END, '{}'"
                        + " FROM generate_series(0, :last) g, LATERAL (SELECT CASE WHEN g % 1000 = 999 THEN 'report'"
                        + " WHEN g % 1000 = 501 THEN 'malware' ELSE 'indicator' END AS type) t ORDER BY g")
                .bind("collection", COLLECTION)
                .bind("first", FIRST_ADDED.atOffset(java.time.ZoneOffset.UTC))
                .bind("last", ROWS - 1)
                .fetch().rowsUpdated().block();
        db.sql("ANALYZE stix_object").fetch().rowsUpdated().block();
    }

    @Test
    void aPageOfTheWholeCollectionReadsAboutItsLimit() {
        assertThat(rowsRead(query(Optional.empty(), Set.of(), Set.of()))).isLessThan(BOUND);
    }

    @Test
    void addedAfterNearTheEndStartsTheWalkThereInsteadOfAtTheFirstRow() {
        Instant after = FIRST_ADDED.plusMillis(ROWS - 200);
        ObjectQuery query = query(Optional.of(after), Set.of(), Set.of());

        assertThat(rowsRead(query)).isLessThan(BOUND);
        ObjectPage page = find(query);
        // Rows 29,801 to 29,999 (150 that the reader may read): a full page, and more.
        assertThat(page.more()).isTrue();
        assertThat(page.items()).hasSize(LIMIT).allSatisfy(v -> assertThat(v.dateAdded()).isAfter(after));
    }

    @Test
    void aRareTypeWalksOnlyThatTypesRows() {
        ObjectQuery query = query(Optional.empty(), Set.of(), Set.of("report"));

        assertThat(rowsRead(query)).isLessThan(BOUND);
        assertThat(find(query).items()).hasSize(30).allSatisfy(v -> assertThat(v.id()).startsWith("report--"));
    }

    @Test
    void severalTypesAreMergedInSeqOrder() {
        ObjectQuery query = query(Optional.empty(), Set.of(), Set.of("report", "malware"));

        assertThat(rowsRead(query)).isLessThan(BOUND);
        List<ObjectVersion> page = find(query).items();
        assertThat(page).hasSize(60).extracting(ObjectVersion::sequence).isSorted();
        assertThat(page).filteredOn(v -> v.id().startsWith("malware--")).hasSize(30);
    }

    @Test
    void typesAndAddedAfterTogether() {
        Instant after = FIRST_ADDED.plusMillis(ROWS - 5_000);
        ObjectQuery query = query(Optional.of(after), Set.of(), Set.of("report", "malware"));

        assertThat(rowsRead(query)).isLessThan(BOUND);
        assertThat(find(query).items()).hasSize(10).allSatisfy(v -> assertThat(v.dateAdded()).isAfter(after));
    }

    @Test
    void anIdIsFoundByItsIndexOnTheMainPool() {
        String id = db.sql("SELECT stix_id FROM stix_object WHERE collection_id = :c AND stix_type = 'report'"
                        + " ORDER BY seq DESC LIMIT 1").bind("c", COLLECTION)
                .map((row, meta) -> row.get(0, String.class)).one().block();
        ObjectQuery query = query(Optional.empty(), Set.of(id), Set.of());

        assertThat(ObjectStore.pageStatement(COLLECTION, query, true, READER).byId()).isTrue();
        assertThat(rowsRead(query)).isLessThan(BOUND);
        assertThat(find(query).items()).extracting(ObjectVersion::id).containsExactly(id);
    }

    @Test
    void followingNextThroughTypesAndAddedAfterSeesEveryMatchingRowOnce() {
        Instant after = FIRST_ADDED.plusMillis(10_000);
        ObjectQuery first = new ObjectQuery(Optional.of(after), 7, PageCursor.START, Set.of(), Set.of("report", "malware"),
                VersionFilter.LAST, Set.of(), false);
        long seen = 0;
        long last = 0;
        ObjectQuery query = first;
        while (true) {
            ObjectPage page = find(query);
            for (ObjectVersion version : page.items()) {
                assertThat(version.sequence()).isGreaterThan(last);
                last = version.sequence();
                seen++;
            }
            if (!page.more()) {
                break;
            }
            query = new ObjectQuery(first.addedAfter(), first.limit(), new PageCursor(last), first.ids(), first.types(),
                    first.versions(), first.specVersions(), first.includeInvalid());
        }
        // Rows 10,001 to 29,999 of the two types: 20 reports and 20 malware.
        assertThat(seen).isEqualTo(40);
    }

    private static ObjectQuery query(Optional<Instant> addedAfter, Set<String> ids, Set<String> types) {
        return new ObjectQuery(addedAfter, LIMIT, PageCursor.START, ids, types, VersionFilter.LAST, Set.of(), false);
    }

    private ObjectPage find(ObjectQuery query) {
        return new ObjectStore(db, pages).find(COLLECTION, query, false, READER).block();
    }

    /** The rows PostgreSQL read from stix_object to answer the page: returned or removed by a filter, every loop. */
    private long rowsRead(ObjectQuery query) {
        ObjectStore.PageStatement statement = ObjectStore.pageStatement(COLLECTION, query, true, READER);
        DatabaseClient.GenericExecuteSpec spec = (statement.byId() ? db : pages.client())
                .sql("EXPLAIN (ANALYZE, FORMAT JSON) " + statement.sql());
        for (Map.Entry<String, Object> bind : statement.binds().entrySet()) {
            spec = spec.bind(bind.getKey(), bind.getValue());
        }
        String plan = spec.map((row, meta) -> row.get(0, String.class)).one().block();
        return rowsRead(StixJson.mapper().readTree(plan).get(0).get("Plan"));
    }

    private static long rowsRead(JsonNode node) {
        long rows = 0;
        if ("stix_object".equals(node.path("Relation Name").asString(""))) {
            rows += (node.path("Actual Rows").asLong() + node.path("Rows Removed by Filter").asLong())
                    * Math.max(1, node.path("Actual Loops").asLong());
        }
        for (JsonNode child : node.path("Plans")) {
            rows += rowsRead(child);
        }
        return rows;
    }
}
