package org.trilateral.exchange.object;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.trilateral.exchange.support.ExchangeIntegrationTest;
import org.trilateral.exchange.support.TestStix;
import org.trilateral.exchange.taxii.Taxii;
import org.trilateral.exchange.taxii.TaxiiMediaTypes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hostile input gets a clear answer, never a hang or a 500 (issue #9): through the real HTTP stack, a body nested 5,000
 * deep is a 400 naming the limit and where, a pattern nested 30,000 deep or 20,000 terms long is refused in the status
 * resource naming the pattern limit, each class of object the OASIS validator refuses is refused naming the property,
 * a raw persona value is refused in a collection for hashed personas; and the exchange answers the next request.
 * Limits are configured away from their defaults to show that configuration reaches the reader and the validator; the
 * pattern length limit is raised so that a 20,000-term pattern reaches the pattern parser.
 */
@TestPropertySource(properties = {
        "exchange.taxii.limits.objects.max-name-length=100",
        "exchange.taxii.limits.objects.max-pattern-length=500000",
        "exchange.taxii.limits.max-string-length=800000"})
class HostileInputTest extends ExchangeIntegrationTest {

    private static final String ADVICE = "a collection for hashed personas refuses raw persona values: publish the"
            + " persona-identifier digest instead (docs/persona-identifiers.md)";

    @Test
    void postWhenBodyNestedFiveThousandDeepThen400NamingTheLimitAndWhereAndTheNextRequestIsAnswered() {
        String body = "{\"objects\":[" + "[".repeat(5_000) + "]".repeat(5_000) + "]}";

        taxii().post(Taxii.INDICATORS + "objects/", body)
                .expectStatus().isBadRequest()
                .expectHeader().valueEquals("Content-Type", TaxiiMediaTypes.TAXII_VALUE)
                .expectBody()
                .jsonPath("$.http_status").isEqualTo("400")
                .jsonPath("$.description").value(d -> assertThat((String) d)
                        .startsWith("the request body nests arrays and objects more than 64 levels deep, the limit "
                                + "exchange.taxii.limits.max-nesting-depth, at line 1, column 76 (/objects/0/0/0/")
                        .doesNotContain("StreamReadConstraints", "REDACTED"));

        assertNextRequestAnswered();
    }

    @Test
    void postToTheAdminApiWhenBodyNestedFiveThousandDeepThen400ProblemDetailsNamingTheLimit() {
        client().post().uri("/admin/members").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"id\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d)
                        .contains("nests arrays and objects deeper", "at most 500 levels of nesting")
                        .doesNotContain("StreamReadConstraints"));

        assertNextRequestAnswered();
    }

    @Test
    void postWhenStringLongerThanTheReaderLimitThen400NamingTheLimitAndTheProperty() {
        ObjectNode indicator = TestStix.indicator();
        indicator.put("description", "d".repeat(800_001));

        taxii().post(Taxii.INDICATORS + "objects/", TestStix.envelope(indicator))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.description").value(d -> assertThat((String) d)
                        .startsWith("a string in the request body is longer than 800000 characters, the limit "
                                + "exchange.taxii.limits.max-string-length, at line 1, column")
                        .endsWith("(/objects/0/description)"));
    }

    @Test
    void postWhenBodyMalformedThen400SayingWhatAndWhereWithoutTheJsonLibrarysInternals() {
        String body = "{\"objects\": [\n  {\"type\": \"indicator\",}\n]}";

        taxii().post(Taxii.INDICATORS + "objects/", body)
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.description").value(d -> assertThat((String) d)
                        .isEqualTo("the request body is not valid JSON at line 2, column 24 (/objects/0/type): "
                                + "unexpected character ('}'): was expecting double-quote to start property name")
                        .doesNotContain("Source:", "REDACTED", "StreamReadFeature", "code 125"));
    }

    @Test
    void postWhenPatternNestedThirtyThousandDeepOrTwentyThousandTermsLongThenRefusedNamingTheLimitAndTheNextObjectIsStored() {
        ObjectNode deep = indicatorWith(o -> o.put("pattern",
                "(".repeat(30_000) + "[ipv4-addr:value = '203.0.113.7']" + ")".repeat(30_000)));
        ObjectNode deepBrackets = indicatorWith(o -> o.put("pattern",
                "[" + "(".repeat(30_000) + "file:size = 1" + ")".repeat(30_000) + "]"));
        ObjectNode comparisons = indicatorWith(o -> o.put("pattern",
                "[file:size = 1" + " AND file:size = 1".repeat(20_000) + "]"));
        ObjectNode observations = indicatorWith(o -> o.put("pattern",
                "[file:size = 1]" + " AND [file:size = 1]".repeat(20_000)));
        ObjectNode tooLong = indicatorWith(o -> o.put("pattern", "[file:name = '" + "a".repeat(500_000) + "']"));
        ObjectNode fine = TestStix.indicator();

        JsonNode status = taxii().publish(Taxii.INDICATORS,
                TestStix.envelope(deep, deepBrackets, comparisons, observations, tooLong, fine));

        assertThat(messages(status)).containsExactly(
                "pattern: is not a valid STIX pattern: at offset 32: the pattern nests parentheses and brackets more than"
                        + " 32 levels deep, the limit (pattern nesting limit)",
                "pattern: is not a valid STIX pattern: at offset 32: the pattern nests parentheses and brackets more than"
                        + " 32 levels deep, the limit (pattern nesting limit)",
                "pattern: is not a valid STIX pattern: at offset 90001: the pattern has more than 5000 comparison"
                        + " expressions, the limit (pattern comparisons limit)",
                "pattern: is not a valid STIX pattern: at offset 100001: the pattern has more than 5000 comparison"
                        + " expressions, the limit (pattern comparisons limit)",
                "pattern: is 500016 characters long, more than the limit of 500000 (pattern length limit)");
        assertThat(status.get("success_count").asInt()).isEqualTo(1);
        assertThat(status.get("successes").get(0).get("id").asString()).isEqualTo(fine.get("id").asString());
        assertNextRequestAnswered();
    }

    /** Each class of object the fuzz campaign found accepted although the OASIS validator refuses it. */
    @Test
    void postWhenObjectsTheOasisValidatorRefusesThenEachRefusedNamingTheProperty() {
        List<ObjectNode> objects = new ArrayList<>();
        objects.add(indicatorWith(o -> o.putObject("name")));
        objects.add(indicatorWith(o -> o.put("name", 7)));
        objects.add(indicatorWith(o -> o.put("indicator_types", "malicious-activity")));
        objects.add(indicatorWith(o -> o.putNull("x_acme_score")));
        objects.add(indicatorWith(o -> o.putArray("x_acme_tags")));
        objects.add(indicatorWith(o -> o.put("pattern", "[file:hashes.'SHA-256' = 'xyz']")));
        objects.add(indicatorWith(o -> o.put("name", "n".repeat(101))));
        ObjectNode identity = (ObjectNode) TestStix.parse("""
                {"type": "identity", "spec_version": "2.1", "id": "identity--6f8a2d1e-3b4c-4d5e-8f90-a1b2c3d4e5f6",
                 "created": "2026-01-01T00:00:00.000Z", "modified": "2026-01-01T00:00:00.000Z", "name": "ACME",
                 "identity_class": {}}
                """);
        identity.put("created_by_ref", TestStix.MEMBER_IDENTITY);
        objects.add(identity);

        JsonNode status = taxii().publish(Taxii.INDICATORS, TestStix.envelope(objects));

        assertThat(status.get("success_count").asInt()).isZero();
        assertThat(messages(status)).containsExactly(
                "name: must be a string, not an object",
                "name: must be a string, not an integer",
                "indicator_types: must be a list, not a string",
                "x_acme_score: must not be null: STIX 2.1 has no null values; leave an optional property out instead",
                "x_acme_tags: must not be an empty list: STIX 2.1 prohibits empty lists; leave the property out instead",
                "pattern: in file:hashes.'SHA-256' = 'xyz': 'xyz' is not a valid SHA-256 hash (64 hexadecimal digits)",
                "name: is 101 characters long, more than the limit of 100 (name length limit)",
                "identity_class: must be a string, not an object");
    }

    @Test
    void postWhenRawPersonaValuesToHashedPersonaCollectionThenRefusedAndElsewhereAccepted() {
        ObjectNode email = (ObjectNode) TestStix.parse("""
                {"type": "email-addr", "spec_version": "2.1", "id": "email-addr--2d77a846-6264-5d51-b586-e43822ea1ea3",
                 "value": "recruit.dev@example.com"}
                """);
        ObjectNode pattern = indicatorWith(o -> o.put("pattern", "[email-addr:value = 'recruit.dev@example.com']"));
        ObjectNode phone = indicatorWith(o -> o.put("x_acme_contact", "+82 10-1234-5678"));
        ObjectNode phonePattern = indicatorWith(o -> o.put("pattern", "[phone-number:value = '+82 10-1234-5678']"));
        ObjectNode accountPattern = indicatorWith(o -> o.put("pattern",
                "[process:creator_user_ref.account_login = 'recruit.dev']"));
        ObjectNode freeText = indicatorWith(o -> o.put("description", "Write to recruit.dev@example.com for the job."));
        ObjectNode account = (ObjectNode) TestStix.parse("""
                {"type": "user-account", "spec_version": "2.1", "id": "user-account--0d5b424b-93b8-5cd8-ac36-306e1789d63c",
                 "account_login": "recruit.dev"}
                """);

        JsonNode refused = taxii().publish(Taxii.INDICATORS,
                TestStix.envelope(email, pattern, phone, phonePattern, accountPattern, freeText, account));

        assertThat(refused.get("success_count").asInt()).isZero();
        assertThat(messages(refused)).containsExactly(
                "value: is a raw email address (email-addr value); a collection for hashed personas refuses raw persona"
                        + " values: publish the persona-identifier digest instead (docs/persona-identifiers.md)",
                "pattern: compares the raw email address email-addr:value with a value; a collection for hashed personas"
                        + " refuses raw persona values: publish the persona-identifier digest instead (docs/persona-identifiers.md)",
                "x_acme_contact: is a raw phone number; a collection for hashed personas refuses raw persona values:"
                        + " publish the persona-identifier digest instead (docs/persona-identifiers.md)",
                "pattern: compares the raw phone number phone-number:value with a value; " + ADVICE,
                "pattern: compares the raw account account login process:creator_user_ref.account_login with a value; "
                        + ADVICE,
                "description: contains a raw email address; " + ADVICE,
                "account_login: is a raw account account login (user-account account_login); " + ADVICE);
        JsonNode sightings = taxii().publish(Taxii.SIGHTINGS, TestStix.envelope(email));
        assertThat(messages(sightings)).singleElement().asString().startsWith("value: is a raw email address");

        JsonNode advisories = taxii().publish(Taxii.ADVISORIES, TestStix.envelope(email));
        assertThat(advisories.get("failures")).isEmpty();
    }

    /**
     * An object stored before hostile input arrives, then new versions of it that are hostile in each way above, and
     * hostile envelopes: afterwards it is served exactly as stored, with no other version, and nothing hostile was
     * stored.
     */
    @Test
    void postWhenHostileInputAfterAnObjectIsStoredThenTheObjectIsServedUnchangedAndNothingHostileIsStored() {
        ObjectNode stored = TestStix.sign(TestStix.indicator());
        String id = stored.get("id").asString();
        assertThat(taxii().publish(Taxii.INDICATORS, TestStix.envelope(stored)).get("success_count").asInt()).isEqualTo(1);

        String later = "2026-02-01T00:00:00.000Z";
        List<ObjectNode> hostile = new ArrayList<>();
        hostile.add(laterVersion(stored, later, o -> o.putObject("name")));
        hostile.add(laterVersion(stored, later, o -> o.put("indicator_types", "malicious-activity")));
        hostile.add(laterVersion(stored, later, o -> o.putNull("x_acme_score")));
        hostile.add(laterVersion(stored, later, o -> o.put("pattern", "(".repeat(30_000) + "[file:size = 1]" + ")".repeat(30_000))));
        hostile.add(laterVersion(stored, later, o -> o.put("pattern", "[email-addr:value = 'recruit.dev@example.com']")));
        ObjectNode sameVersionChanged = stored.deepCopy();
        sameVersionChanged.remove("extensions");
        sameVersionChanged.put("name", "changed under the same version");
        hostile.add(sameVersionChanged);
        JsonNode status = taxii().publish(Taxii.INDICATORS, TestStix.envelope(hostile));
        assertThat(status.get("success_count").asInt()).isZero();
        assertThat(status.get("failure_count").asInt()).isEqualTo(hostile.size());
        taxii().post(Taxii.INDICATORS + "objects/", "{\"objects\":[" + stored + "," + "[".repeat(5_000) + "]".repeat(5_000) + "]}")
                .expectStatus().isBadRequest();
        taxii().post(Taxii.INDICATORS + "objects/", "{\"objects\":[" + stored).expectStatus().isBadRequest();

        JsonNode served = taxii().getJson(Taxii.INDICATORS + "objects/" + id + "/");
        assertThat(served.get("objects")).singleElement().isEqualTo(stored);
        JsonNode versions = taxii().getJson(Taxii.INDICATORS + "objects/" + id + "/versions/");
        assertThat(versions.get("versions")).singleElement().satisfies(v -> assertThat(v.asString()).isEqualTo(TestStix.CREATED));
        assertNextRequestAnswered();
    }

    private static ObjectNode laterVersion(ObjectNode stored, String modified, Consumer<ObjectNode> change) {
        ObjectNode version = stored.deepCopy();
        version.remove("extensions");
        version.put("modified", modified);
        change.accept(version);
        return version;
    }

    private static ObjectNode indicatorWith(Consumer<ObjectNode> change) {
        ObjectNode indicator = TestStix.indicator();
        change.accept(indicator);
        return indicator;
    }

    private static List<String> messages(JsonNode status) {
        List<String> messages = new ArrayList<>();
        status.get("failures").forEach(f -> messages.add(f.get("message").asString()));
        return messages;
    }

    private void assertNextRequestAnswered() {
        JsonNode status = taxii().publish(Taxii.INDICATORS, TestStix.envelope(TestStix.indicator()));
        assertThat(status.get("success_count").asInt()).isEqualTo(1);
        byte[] collections = taxii().get(Taxii.ROOT + "collections/").expectStatus().isOk().expectBody().returnResult().getResponseBody();
        assertThat(new String(collections, StandardCharsets.UTF_8)).contains("indicators");
    }
}
