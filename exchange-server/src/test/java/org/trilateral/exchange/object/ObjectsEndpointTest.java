package org.trilateral.exchange.object;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.trilateral.exchange.support.ExchangeIntegrationTest;
import org.trilateral.exchange.support.TestStix;
import org.trilateral.exchange.taxii.Taxii;
import org.trilateral.exchange.taxii.TaxiiMediaTypes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class ObjectsEndpointTest extends ExchangeIntegrationTest {

    private static final String SIGHTINGS = Taxii.ROOT + "collections/sightings/";
    private static final String ADVISORIES = Taxii.ROOT + "collections/advisories/";

    @Test
    void postWhenEnvelopeHasOneBadObjectThenOthersStoredAndStatusNamesIdAndProperty() {
        Taxii taxii = new Taxii(client());
        ObjectNode good1 = TestStix.sign(TestStix.indicator());
        ObjectNode good2 = TestStix.indicator();
        ObjectNode bad = TestStix.indicator();
        bad.put("id", "malware--" + UUID.randomUUID());

        JsonNode status = taxii.publish(SIGHTINGS, TestStix.envelope(good1, bad, good2));

        assertThat(status.get("status").asString()).isEqualTo("complete");
        assertThat(status.get("total_count").asInt()).isEqualTo(3);
        assertThat(status.get("success_count").asInt()).isEqualTo(2);
        assertThat(status.get("failure_count").asInt()).isEqualTo(1);
        assertThat(status.get("pending_count").asInt()).isZero();
        JsonNode failure = status.get("failures").get(0);
        assertThat(failure.get("id").asString()).isEqualTo(bad.get("id").asString());
        assertThat(failure.get("message").asString()).startsWith("id: ");
        assertThat(ids(status.get("successes"))).containsExactly(good1.get("id").asString(), good2.get("id").asString());

        JsonNode readBack = taxii.getJson(Taxii.ROOT + "status/" + status.get("id").asString() + "/");
        assertThat(readBack).isEqualTo(status);

        JsonNode envelope = taxii.getJson(SIGHTINGS + "objects/");
        assertThat(ids(envelope.get("objects"))).containsExactly(good1.get("id").asString(), good2.get("id").asString());
        assertThat(envelope.get("objects").get(0)).isEqualTo(good1);
    }

    @Test
    void postWhenNotAStixObjectThenRefusedWithItsIndex() {
        Taxii taxii = new Taxii(client());
        JsonNode status = taxii.publish(SIGHTINGS, "{\"objects\":[42, {\"type\":\"indicator\"}]}");
        assertThat(status.get("failure_count").asInt()).isEqualTo(2);
        assertThat(status.get("failures").get(0).get("id").asString()).isEqualTo("objects[0]");
        assertThat(status.get("failures").get(1).get("message").asString()).contains("id");
    }

    @Test
    void postWhenSameVersionRepostedThenSuccessThatChangesNothing() {
        Taxii taxii = new Taxii(client());
        String collection = Taxii.ROOT + "collections/" + "indicators/";
        ObjectNode indicator = TestStix.indicator();
        taxii.publish(collection, TestStix.envelope(indicator));
        JsonNode before = taxii.getJson(collection + "manifest/?match[id]=" + indicator.get("id").asString());

        JsonNode again = taxii.publish(collection, TestStix.envelope(indicator));

        assertThat(again.get("success_count").asInt()).isEqualTo(1);
        assertThat(again.get("successes").get(0).get("message").asString()).contains("already stored");
        JsonNode after = taxii.getJson(collection + "manifest/?match[id]=" + indicator.get("id").asString());
        assertThat(after).isEqualTo(before);
        assertThat(after.get("objects")).hasSize(1);
    }

    @Test
    void postWhenSameIdAndVersionWithOtherContentThenConflictRefusedAndOriginalKept() {
        Taxii taxii = new Taxii(client());
        ObjectNode original = TestStix.sign(TestStix.indicator());
        taxii.publish(ADVISORIES, TestStix.envelope(original));
        ObjectNode forged = original.deepCopy();
        forged.remove("extensions");
        forged.put("name", "something else");

        JsonNode status = taxii.publish(ADVISORIES, TestStix.envelope(forged));

        assertThat(status.get("failure_count").asInt()).isEqualTo(1);
        assertThat(status.get("failures").get(0).get("message").asString()).contains("different object with this id and version");
        JsonNode stored = taxii.getJson(ADVISORIES + "objects/" + original.get("id").asString() + "/");
        assertThat(stored.get("objects").get(0)).isEqualTo(original);
    }

    @Test
    void versionsFiltersWhenObjectHasThreeVersionsThenFirstLastAllAndTimestampSelect() {
        Taxii taxii = new Taxii(client());
        String c = Taxii.ROOT + "collections/indicators/";
        String id = "indicator--" + UUID.randomUUID();
        ObjectNode v2 = TestStix.indicator(id, "2026-02-01T00:00:00.000Z");
        ObjectNode v1 = TestStix.indicator(id, "2026-01-15T00:00:00.000Z");
        ObjectNode v3 = TestStix.indicator(id, "2026-03-01T00:00:00.000Z");
        taxii.publish(c, TestStix.envelope(v2));
        taxii.publish(c, TestStix.envelope(v3, v1));
        String object = c + "objects/" + id + "/";

        assertThat(versions(taxii.getJson(object))).containsExactly("2026-03-01T00:00:00.000Z");
        assertThat(versions(taxii.getJson(object + "?match[version]=first"))).containsExactly("2026-01-15T00:00:00.000Z");
        assertThat(versions(taxii.getJson(object + "?match[version]=all")))
                .containsExactly("2026-02-01T00:00:00.000Z", "2026-03-01T00:00:00.000Z", "2026-01-15T00:00:00.000Z");
        assertThat(versions(taxii.getJson(object + "?match[version]=2026-02-01T00:00:00.000Z")))
                .containsExactly("2026-02-01T00:00:00.000Z");
        assertThat(versions(taxii.getJson(object + "?match[version]=first,last")))
                .containsExactly("2026-03-01T00:00:00.000Z", "2026-01-15T00:00:00.000Z");

        JsonNode versions = taxii.getJson(object + "versions/");
        assertThat(texts(versions.get("versions")))
                .containsExactly("2026-02-01T00:00:00.000Z", "2026-03-01T00:00:00.000Z", "2026-01-15T00:00:00.000Z");
        assertThat(versions.get("more").asBoolean()).isFalse();

        JsonNode manifest = taxii.getJson(c + "manifest/?match[id]=" + id);
        assertThat(manifest.get("objects")).hasSize(1);
        JsonNode record = manifest.get("objects").get(0);
        assertThat(record.get("version").asString()).isEqualTo("2026-03-01T00:00:00.000Z");
        assertThat(record.get("media_type").asString()).isEqualTo("application/stix+json;version=2.1");
        assertThat(record.get("date_added").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
        assertThat(taxii.getJson(c + "manifest/?match[id]=" + id + "&match[version]=all").get("objects")).hasSize(3);
    }

    @Test
    void objectsWhenFilteredByTypeIdSpecVersionAndAddedAfterThenOnlyMatchesReturned() {
        Taxii taxii = new Taxii(client());
        String c = Taxii.ROOT + "collections/sightings/";
        ObjectNode indicator = TestStix.indicator();
        ObjectNode address = TestStix.ipv4("198.51.100.23");
        taxii.publish(c, TestStix.envelope(indicator, address));

        JsonNode onlyAddresses = taxii.getJson(c + "objects/?match[type]=ipv4-addr");
        assertThat(ids(onlyAddresses.get("objects"))).containsExactly(address.get("id").asString());
        JsonNode byId = taxii.getJson(c + "objects/?match[id]=" + indicator.get("id").asString());
        assertThat(ids(byId.get("objects"))).containsExactly(indicator.get("id").asString());
        JsonNode bothTypes = taxii.getJson(c + "objects/?match[type]=ipv4-addr,indicator&match[spec_version]=2.1");
        assertThat(bothTypes.get("objects").size()).isGreaterThanOrEqualTo(2);
        JsonNode noneOld = taxii.getJson(c + "objects/?match[spec_version]=2.0");
        assertThat(noneOld.has("objects")).isFalse();
        assertThat(noneOld.get("more").asBoolean()).isFalse();

        EntityExchangeResult<byte[]> first = taxii.get(c + "objects/?match[id]=" + indicator.get("id").asString())
                .expectStatus().isOk().expectBody().returnResult();
        String addedFirst = first.getResponseHeaders().getFirst("X-TAXII-Date-Added-First");
        String addedLast = first.getResponseHeaders().getFirst("X-TAXII-Date-Added-Last");
        assertThat(addedFirst).isNotNull().isEqualTo(addedLast);
        JsonNode after = taxii.getJson(c + "objects/?added_after=" + addedFirst);
        assertThat(ids(after.get("objects"))).doesNotContain(indicator.get("id").asString())
                .contains(address.get("id").asString());
    }

    @Test
    void objectsWhenMoreThanOnePageThenMoreAndNextWalkEveryObjectOnce() {
        Taxii taxii = new Taxii(client());
        String c = Taxii.ROOT + "collections/advisories/";
        List<ObjectNode> published = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            published.add(TestStix.indicator());
        }
        taxii.publish(c, TestStix.envelope(published));
        List<String> seen = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            JsonNode page = taxii.getJson(c + "objects/?limit=10&match[type]=indicator" + (next == null ? "" : "&next=" + next));
            page.get("objects").forEach(o -> seen.add(o.get("id").asString()));
            next = page.get("more").asBoolean() ? page.get("next").asString() : null;
            pages++;
        } while (next != null);
        assertThat(pages).isGreaterThanOrEqualTo(3);
        assertThat(seen).containsAll(published.stream().map(o -> o.get("id").asString()).toList());
        assertThat(seen).doesNotHaveDuplicates();
    }

    @Test
    void deleteWhenObjectExistsThenAllVersionsGoneAnd404Afterwards() {
        Taxii taxii = new Taxii(client());
        String c = Taxii.ROOT + "collections/indicators/";
        String id = "indicator--" + UUID.randomUUID();
        taxii.publish(c, TestStix.envelope(TestStix.indicator(id, "2026-01-02T00:00:00.000Z"),
                TestStix.indicator(id, "2026-01-03T00:00:00.000Z")));

        client().delete().uri(c + "objects/" + id + "/").header("Accept", TaxiiMediaTypes.TAXII_VALUE)
                .exchange().expectStatus().isOk();

        taxii.get(c + "objects/" + id + "/").expectStatus().isNotFound()
                .expectBody().jsonPath("$.http_status").isEqualTo("404");
        taxii.get(c + "objects/" + id + "/versions/").expectStatus().isNotFound();
        client().delete().uri(c + "objects/" + id + "/").header("Accept", TaxiiMediaTypes.TAXII_VALUE)
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void deleteWhenOnlyLatestVersionSelectedThenEarlierBecomesLatest() {
        Taxii taxii = new Taxii(client());
        String c = Taxii.ROOT + "collections/indicators/";
        String id = "indicator--" + UUID.randomUUID();
        taxii.publish(c, TestStix.envelope(TestStix.indicator(id, "2026-01-02T00:00:00.000Z"),
                TestStix.indicator(id, "2026-01-03T00:00:00.000Z")));

        client().delete().uri(c + "objects/" + id + "/?match[version]=last").header("Accept", TaxiiMediaTypes.TAXII_VALUE)
                .exchange().expectStatus().isOk();

        assertThat(versions(taxii.getJson(c + "objects/" + id + "/"))).containsExactly("2026-01-02T00:00:00.000Z");
    }

    @Test
    void objectWhenUnknownThen404() {
        new Taxii(client()).get(Taxii.INDICATORS + "objects/indicator--" + UUID.randomUUID() + "/")
                .expectStatus().isNotFound()
                .expectHeader().valueEquals("Content-Type", TaxiiMediaTypes.TAXII_VALUE);
    }

    @Test
    void statusWhenUnknownThen404() {
        new Taxii(client()).get(Taxii.ROOT + "status/" + UUID.randomUUID() + "/").expectStatus().isNotFound()
                .expectBody().jsonPath("$.http_status").isEqualTo("404");
    }

    @Test
    void postWhenContentTypeIsPlainJsonThen415AndNothingStored() {
        client().post().uri(Taxii.INDICATORS + "objects/")
                .header("Accept", TaxiiMediaTypes.TAXII_VALUE)
                .header("Content-Type", "application/json")
                .bodyValue(TestStix.envelope(TestStix.indicator()))
                .exchange()
                .expectStatus().isEqualTo(415)
                .expectHeader().valueEquals("Content-Type", TaxiiMediaTypes.TAXII_VALUE)
                .expectBody().jsonPath("$.http_status").isEqualTo("415");
    }

    @Test
    void postWhenBodyIsNotJsonThen400() {
        new Taxii(client()).post(Taxii.INDICATORS + "objects/", "{\"objects\": [")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.http_status").isEqualTo("400")
                .jsonPath("$.description").value(d -> assertThat((String) d).contains("not valid JSON"));
    }

    @Test
    void postWhenObjectHasDuplicateMemberNamesThen400AndNothingStored() {
        Taxii taxii = new Taxii(client());
        String id = "indicator--" + UUID.randomUUID();
        String json = TestStix.envelope(TestStix.indicator(id, TestStix.CREATED)).replace("\"name\":", "\"name\":\"x\",\"name\":");
        taxii.post(Taxii.INDICATORS + "objects/", json).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.description").value(d -> assertThat((String) d).contains("duplicate Object property \"name\"", "(/objects/0/name)"));
        taxii.get(Taxii.INDICATORS + "objects/" + id + "/").expectStatus().isNotFound();
    }

    @Test
    void postWhenEnvelopeHasNoObjectsListThen400() {
        new Taxii(client()).post(Taxii.INDICATORS + "objects/", "{\"more\":false}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.description").isEqualTo("the envelope has no 'objects' list");
    }

    @Test
    void objectsWhenNextIsNotACursorThen400() {
        new Taxii(client()).get(Taxii.INDICATORS + "objects/?next=garbage").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.http_status").isEqualTo("400");
    }

    @Test
    void objectsWhenFilterValuesMalformedThen400NamingTheParameter() {
        Taxii taxii = new Taxii(client());
        taxii.get(Taxii.INDICATORS + "objects/?added_after=yesterday").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.description").value(d -> assertThat((String) d).startsWith("added_after"));
        taxii.get(Taxii.INDICATORS + "objects/?limit=0").expectStatus().isBadRequest();
        taxii.get(Taxii.INDICATORS + "objects/?match[version]=newest").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.description").value(d -> assertThat((String) d).contains("match[version]"));
        taxii.get(Taxii.INDICATORS + "objects/?match[id]=not-an-id").expectStatus().isBadRequest();
    }

    @Test
    void postWhenExactBytesSentThenSameBytesServed() {
        Taxii taxii = new Taxii(client());
        String id = "indicator--" + UUID.randomUUID();
        String object = "{ \"type\": \"indicator\", \"spec_version\": \"2.1\", \"id\": \"" + id + "\","
                + " \"created_by_ref\": \"" + TestStix.MEMBER_IDENTITY + "\", \"created\": \"2026-01-01T00:00:00.000Z\", \"modified\": \"2026-01-01T00:00:00.000Z\","
                + " \"name\": \"caf\\u00e9 \u2603\", \"confidence\": 85, \"x_score\": 1.50,"
                + " \"pattern\": \"[ipv4-addr:value = '203.0.113.9']\", \"pattern_type\": \"stix\","
                + " \"valid_from\": \"2026-01-01T00:00:00Z\"";
        // The member signs the parse of its own text and adds the signature to that text, keeping every other byte.
        JsonNode signature = TestStix.sign((ObjectNode) TestStix.parse(object + " }")).get("extensions");
        object = object + ", \"extensions\": " + signature + " }";
        taxii.post(Taxii.INDICATORS + "objects/", "{\"objects\":[" + object + "]}").expectStatus().isAccepted()
                .expectBody().jsonPath("$.success_count").isEqualTo(1);
        byte[] body = taxii.get(Taxii.INDICATORS + "objects/" + id + "/").expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        assertThat(new String(body, StandardCharsets.UTF_8)).contains(object);
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(o -> ids.add(o.get("id").asString()));
        return ids;
    }

    private static List<String> versions(JsonNode envelope) {
        List<String> versions = new ArrayList<>();
        envelope.get("objects").forEach(o -> versions.add(o.get("modified").asString()));
        return versions;
    }

    private static List<String> texts(JsonNode list) {
        List<String> texts = new ArrayList<>();
        list.forEach(v -> texts.add(v.asString()));
        return texts;
    }
}
