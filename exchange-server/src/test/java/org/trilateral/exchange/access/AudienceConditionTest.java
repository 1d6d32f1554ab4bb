package org.trilateral.exchange.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.r2dbc.core.DatabaseClient;
import org.trilateral.exchange.member.Member;
import org.trilateral.exchange.member.MemberId;
import org.trilateral.exchange.member.MemberStatus;
import org.trilateral.exchange.member.Role;
import org.trilateral.exchange.support.TestDatabase;
import org.trilateral.taxonomy.marking.Tlp;
import org.trilateral.taxonomy.stix.StixJson;
import tools.jackson.databind.node.ObjectNode;

/**
 * The SQL of the read rule against {@link Audience#readableBy} and the table of docs/access-rules.md, on every cell
 * ({@link AccessRulesTest.Row} × {@link AccessRulesTest.Reader}): one row per table row in a real PostgreSQL table with
 * the audience columns of {@code stix_object}, selected with {@link AudienceCondition} for each reader.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AudienceConditionTest {

    /** A row stored before audiences were recorded: no publisher, readable by every member. */
    private static final String LEGACY = "LEGACY";

    private final AudiencePolicy policy = new AudiencePolicy(Tlp.AMBER);
    private final Map<AccessRulesTest.Row, Audience> audiences = new EnumMap<>(AccessRulesTest.Row.class);
    private DatabaseClient db;

    @BeforeAll
    void storeOneRowPerTableRow() {
        db = TestDatabase.newDatabaseClient();
        db.sql("CREATE TABLE audience_probe (row_name TEXT PRIMARY KEY, publisher_id TEXT, recipients TEXT[],"
                + " sharing_groups TEXT[] NOT NULL DEFAULT '{}')").then().block();
        for (AccessRulesTest.Row row : AccessRulesTest.Row.values()) {
            Audience audience = policy.audienceOf(object(row));
            audiences.put(row, audience);
            DatabaseClient.GenericExecuteSpec insert = db.sql("INSERT INTO audience_probe VALUES (:row, :publisher,"
                            + " :recipients, CAST(:groups AS text[]))")
                    .bind("row", row.name())
                    .bind("publisher", publisher().memberId().value())
                    .bind("groups", audience.groups().toArray(String[]::new));
            insert = audience.recipients() == null ? insert.bindNull("recipients", String[].class)
                    : insert.bind("recipients", audience.recipients().toArray(String[]::new));
            insert.then().block();
        }
        db.sql("INSERT INTO audience_probe (row_name) VALUES (:row)").bind("row", LEGACY).then().block();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(AccessRulesTest.Reader.class)
    void readableByWhenEveryCellOfTheTableThenSqlAndRuleAgree(AccessRulesTest.Reader column) {
        Reader reader = reader(column);
        Set<String> table = new LinkedHashSet<>();
        Set<String> rule = new LinkedHashSet<>();
        for (AccessRulesTest.Row row : AccessRulesTest.Row.values()) {
            if (row.readers.contains(column)) {
                table.add(row.name());
            }
            if (audiences.get(row).readableBy(reader, publisher().memberId())) {
                rule.add(row.name());
            }
        }
        table.add(LEGACY);
        rule.add(LEGACY);

        AudienceCondition condition = AudienceCondition.readableBy(reader);
        DatabaseClient.GenericExecuteSpec select = db.sql("SELECT row_name FROM audience_probe WHERE " + condition.sql());
        for (Map.Entry<String, Object> bind : condition.binds().entrySet()) {
            select = select.bind(bind.getKey(), bind.getValue());
        }
        Set<String> sql = new HashSet<>(select.map((r, meta) -> r.get("row_name", String.class)).all().collectList().block());

        assertThat(rule).as("Audience.readableBy for %s", column).containsExactlyInAnyOrderElementsOf(table);
        assertThat(sql).as("AudienceCondition for %s", column).containsExactlyInAnyOrderElementsOf(table);
    }

    private static ObjectNode object(AccessRulesTest.Row row) {
        ObjectNode object = StixJson.mapper().createObjectNode().put("type", "indicator");
        if (!row.markings.isEmpty()) {
            row.markings.forEach(object.putArray("object_marking_refs")::add);
        }
        if (!row.recipients.isEmpty()) {
            ObjectNode extension = object.putObject("extensions").putObject(AudiencePolicy.DISTRIBUTION_EXTENSION_ID);
            extension.put("extension_type", "property-extension");
            row.recipients.forEach(r -> extension.withArray("recipients").add(member(r).identityId()));
        }
        return object;
    }

    private static Reader publisher() {
        return reader(AccessRulesTest.Reader.PUBLISHER);
    }

    private static Reader reader(AccessRulesTest.Reader column) {
        return Reader.of(member(column));
    }

    private static Member member(AccessRulesTest.Reader column) {
        String identity = "identity--" + UUID.nameUUIDFromBytes(column.id.getBytes(StandardCharsets.UTF_8));
        return new Member(new MemberId(column.id), column.id, column.nation, column.sector, identity,
                Set.of(Role.CONSUMER), MemberStatus.ACTIVE, List.of(), null, null);
    }
}
