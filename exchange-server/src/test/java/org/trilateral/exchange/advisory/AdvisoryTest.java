package org.trilateral.exchange.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.trilateral.exchange.access.AudiencePolicy;
import org.trilateral.exchange.member.MemberId;
import org.trilateral.exchange.member.Nation;
import org.trilateral.exchange.member.Role;
import org.trilateral.exchange.support.ExchangeIntegrationTest;
import org.trilateral.exchange.support.TestStix;
import org.trilateral.exchange.taxii.Taxii;
import org.trilateral.taxonomy.marking.Tlp;
import org.trilateral.taxonomy.vocabulary.Sector;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Advisories against the running exchange (docs/delivery.md, "Advisories"): an advisory issuer publishes a signed
 * report with its indicators in one envelope, members read it with the objects it references, acknowledge it, and the
 * issuer reads who has and has not; a TLP:RED advisory is, for an outsider, exactly an advisory that does not exist.
 */
class AdvisoryTest extends ExchangeIntegrationTest {

    private TestMember issuer;
    private TestMember recipient;
    private TestMember outsider;

    @Autowired
    AdvisoryReceipts webhookReceipts;

    @BeforeEach
    void members() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        issuer = register("us-agency-" + suffix, Nation.US, Sector.GOVERNMENT, Role.CONSUMER, Role.ADVISORY_ISSUER);
        recipient = register("jp-rcp-" + suffix, Nation.JP, Sector.GOVERNMENT, Role.CONSUMER);
        outsider = register("kr-out-" + suffix, Nation.KR, Sector.GOVERNMENT, Role.CONSUMER, Role.PUBLISHER);
    }

    @Test
    void publishWhenIssuerSendsReportWithItsIndicatorsThenAdvisoryServedWithTheObjectsItReferences() {
        ObjectNode indicator = byIssuer(TestStix.indicator(), Tlp.GREEN);
        String elsewhere = "indicator--" + UUID.randomUUID();
        ObjectNode report = report(Tlp.GREEN, indicator.get("id").stringValue(), elsewhere);

        JsonNode status = issuer.taxii().publish(Taxii.ADVISORIES, TestStix.envelope(report, indicator));
        assertThat(status.get("success_count").intValue()).as(status.toString()).isEqualTo(2);

        JsonNode list = json(recipient.client(), "/advisories");
        JsonNode first = list.get("advisories").get(0);
        assertThat(first.get("id").stringValue()).isEqualTo(report.get("id").stringValue());
        assertThat(first.get("issuer").stringValue()).isEqualTo(issuer.id());
        assertThat(first.get("tlp").stringValue()).isEqualTo("green");
        assertThat(first.get("published").stringValue()).isEqualTo("2026-01-02T00:00:00.000Z");

        JsonNode advisory = json(recipient.client(), "/advisories/" + report.get("id").stringValue());
        String taxiiReport = Taxii.ADVISORIES + "objects/" + report.get("id").stringValue() + "/";
        assertThat(advisory.get("report")).isEqualTo(recipient.taxii().getJson(taxiiReport).get("objects").get(0));
        assertThat(advisory.get("objects")).hasSize(1);
        assertThat(advisory.get("objects").get(0).get("id").stringValue()).isEqualTo(indicator.get("id").stringValue());
        assertThat(advisory.get("unresolved_refs").get(0).stringValue()).isEqualTo(elsewhere);
    }

    @Test
    void publishWhenMemberIsNotAnAdvisoryIssuerThenRefused() {
        ObjectNode report = report(Tlp.GREEN, "indicator--" + UUID.randomUUID());
        report.put("created_by_ref", outsider.identityId());
        outsider.taxii().post(Taxii.ADVISORIES + "objects/", TestStix.envelope(TestStix.sign(report, outsider.key())))
                .expectStatus().isForbidden()
                .expectHeader().valueEquals("Content-Type", "application/taxii+json;version=2.1")
                .expectBody().jsonPath("$.description").value(d -> assertThat((String) d).contains("advisory-issuer"));
    }

    @Test
    void listWhenManyThenNewestFirstInPagesWithoutGapOrRepeat() {
        List<String> published = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ObjectNode report = report(Tlp.GREEN, "indicator--" + UUID.randomUUID());
            issuer.taxii().publish(Taxii.ADVISORIES, TestStix.envelope(report));
            published.add(0, report.get("id").stringValue());
        }
        List<String> seen = new ArrayList<>();
        String path = "/advisories?limit=1";
        while (seen.size() < 3) {
            JsonNode page = json(recipient.client(), path);
            page.get("advisories").forEach(a -> seen.add(a.get("id").stringValue()));
            assertThat(page.get("more").booleanValue()).isTrue();
            path = "/advisories?limit=1&before=" + page.get("next").stringValue();
        }
        assertThat(seen).containsExactlyElementsOf(published);
        assertThat(answer(recipient.client(), "/advisories?limit=0").status()).isEqualTo(400);
        assertThat(answer(recipient.client(), "/advisories?limit=0").body()).contains("exchange.advisories.page-size");
        assertThat(answer(recipient.client(), "/advisories?before=x").status()).isEqualTo(400);
        assertThat(answer(recipient.client(), "/advisories/not-a-report").status()).isEqualTo(400);
    }

    @Test
    void readWhenOutsiderThenARedAdvisoryIsAnsweredAsOneThatDoesNotExist() {
        ObjectNode red = redReportFor(recipient);
        issuer.taxii().publish(Taxii.ADVISORIES, TestStix.envelope(red));
        String id = red.get("id").stringValue();
        String nothing = "report--" + UUID.randomUUID();

        for (String suffix : List.of("", "/receipts")) {
            Answer forRed = answer(outsider.client(), "/advisories/" + id + suffix);
            Answer forNothing = answer(outsider.client(), "/advisories/" + nothing + suffix).replace(nothing, id);
            assertThat(forRed).as(suffix).isEqualTo(forNothing);
            assertThat(forRed.status()).isEqualTo(404);
            assertThat(forRed.contentType()).startsWith("application/problem+json");
        }
        Answer ackRed = post(outsider.client(), "/advisories/" + id + "/receipts", "{\"kind\":\"system\"}");
        Answer ackNothing = post(outsider.client(), "/advisories/" + nothing + "/receipts", "{\"kind\":\"system\"}")
                .replace(nothing, id);
        assertThat(ackRed).isEqualTo(ackNothing);
        assertThat(json(outsider.client(), "/advisories").get("advisories").findValuesAsString("id")).doesNotContain(id);

        assertThat(answer(recipient.client(), "/advisories/" + id).status()).isEqualTo(200);
        assertThat(json(recipient.client(), "/advisories").get("advisories").findValuesAsString("id")).contains(id);
    }

    @Test
    void receiptsWhenMembersAcknowledgeThenIssuerSeesWhoHasAndWhoHasNot() {
        ObjectNode report = report(Tlp.GREEN, "indicator--" + UUID.randomUUID());
        issuer.taxii().publish(Taxii.ADVISORIES, TestStix.envelope(report));
        String id = report.get("id").stringValue();

        JsonNode system = TestStix.parse(post(recipient.client(), "/advisories/" + id + "/receipts",
                "{\"kind\":\"system\",\"channel\":\"stream\"}").body());
        assertThat(system.get("channel").stringValue()).isEqualTo("stream");
        assertThat(system.get("version").stringValue()).isEqualTo(report.get("modified").stringValue());
        JsonNode person = TestStix.parse(post(recipient.client(), "/advisories/" + id + "/receipts",
                "{\"kind\":\"person\"}").body());
        assertThat(person.get("person").get("subject").stringValue()).isEqualTo(recipient.id());
        assertThat(person.get("system_received_at").stringValue()).isEqualTo(system.get("system_received_at").stringValue());
        // A second system receipt changes nothing: the first is kept.
        JsonNode again = TestStix.parse(post(recipient.client(), "/advisories/" + id + "/receipts",
                "{\"kind\":\"system\",\"channel\":\"poll\"}").body());
        assertThat(again.get("channel").stringValue()).isEqualTo("stream");
        assertThat(webhookReceipts.systemReceived(new MemberId(outsider.id()), id, ReceiptChannel.WEBHOOK, Instant.now())
                .block()).isTrue();

        JsonNode receipts = json(issuer.client(), "/advisories/" + id + "/receipts");
        JsonNode ofRecipient = row(receipts, recipient.id());
        assertThat(ofRecipient.get("system_received_at").isString()).isTrue();
        assertThat(ofRecipient.get("person_acknowledged_at").isString()).isTrue();
        JsonNode ofOutsider = row(receipts, outsider.id());
        assertThat(ofOutsider.get("channel").stringValue()).isEqualTo("webhook");
        assertThat(ofOutsider.get("person_acknowledged_at").isNull()).isTrue();
        JsonNode ofIssuer = row(receipts, issuer.id());
        assertThat(ofIssuer.get("system_received_at").isNull()).as("not received yet").isTrue();

        // Not the issuer: the receipts are not there for it.
        Answer notIssuer = answer(recipient.client(), "/advisories/" + id + "/receipts");
        String nothing = "report--" + UUID.randomUUID();
        assertThat(notIssuer).isEqualTo(answer(recipient.client(), "/advisories/" + nothing + "/receipts")
                .replace(nothing, id));
    }

    @Test
    void receiptsWhenRedThenOnlyTheMembersEntitledToReadItAreListed() {
        ObjectNode red = redReportFor(recipient);
        issuer.taxii().publish(Taxii.ADVISORIES, TestStix.envelope(red));

        JsonNode receipts = json(issuer.client(), "/advisories/" + red.get("id").stringValue() + "/receipts");

        assertThat(receipts.get("receipts").findValuesAsString("member")).containsExactlyInAnyOrder(issuer.id(),
                recipient.id());
        assertThat(webhookReceipts.systemReceived(new MemberId(outsider.id()), red.get("id").stringValue(),
                ReceiptChannel.WEBHOOK, Instant.now()).block()).as("no receipt for a member that may not read it").isFalse();
    }

    @Test
    void acknowledgeWhenBodyInvalidThenProblemDetailsNamingTheField() {
        ObjectNode report = report(Tlp.GREEN, "indicator--" + UUID.randomUUID());
        issuer.taxii().publish(Taxii.ADVISORIES, TestStix.envelope(report));
        String path = "/advisories/" + report.get("id").stringValue() + "/receipts";

        assertThat(post(recipient.client(), path, "{}").body()).contains("kind is required");
        assertThat(post(recipient.client(), path, "{\"kind\":\"robot\"}").status()).isEqualTo(400);
        assertThat(post(recipient.client(), path, "{\"kind\":\"system\",\"channel\":\"fax\"}").body())
                .contains("channel must be");
        assertThat(post(recipient.client(), path, "{\"kind\":\"person\",\"channel\":\"poll\"}").status()).isEqualTo(400);
        assertThat(post(recipient.client(), path, "not json").contentType()).startsWith("application/problem+json");
    }

    @Test
    void advisoriesWhenNoTokenOrNoReadRoleThenRefused() {
        anonymousClient().get().uri("/advisories").exchange().expectStatus().isUnauthorized()
                .expectHeader().contentType("application/problem+json").expectHeader().exists("WWW-Authenticate");
        TestMember writer = register("w-" + UUID.randomUUID().toString().substring(0, 8), Nation.JP, Sector.GOVERNMENT,
                Role.PUBLISHER);
        Answer refused = answer(writer.client(), "/advisories");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("consumer");
        assertThat(anonymousClient().delete().uri("/advisories/report--" + UUID.randomUUID())
                .header("Authorization", "Bearer " + testIssuer().token(recipient.id())).exchange()
                .expectBody().returnResult().getStatus().value()).isIn(403, 405);
    }

    // --- helpers

    private ObjectNode byIssuer(ObjectNode object, Tlp tlp) {
        object.put("created_by_ref", issuer.identityId());
        object.putArray("object_marking_refs").add(tlp.id());
        return object;
    }

    private ObjectNode report(Tlp tlp, String... refs) {
        ObjectNode report = org.trilateral.taxonomy.stix.StixJson.mapper().createObjectNode();
        report.put("type", "report");
        report.put("spec_version", "2.1");
        report.put("id", "report--" + UUID.randomUUID());
        report.put("created", TestStix.CREATED);
        report.put("modified", TestStix.CREATED);
        report.put("name", "Laptop farm advisory");
        report.put("published", "2026-01-02T00:00:00.000Z");
        ObjectNode marked = byIssuer(report, tlp);
        var list = marked.putArray("object_refs");
        for (String ref : refs) {
            list.add(ref);
        }
        return marked;
    }

    private ObjectNode redReportFor(TestMember reader) {
        ObjectNode red = report(Tlp.RED, "indicator--" + UUID.randomUUID());
        ObjectNode extension = red.putObject("extensions").putObject(AudiencePolicy.DISTRIBUTION_EXTENSION_ID);
        extension.put("extension_type", "property-extension");
        extension.putArray("recipients").add(reader.identityId());
        return red;
    }

    private static JsonNode row(JsonNode receipts, String member) {
        for (JsonNode row : receipts.get("receipts")) {
            if (row.get("member").stringValue().equals(member)) {
                return row;
            }
        }
        throw new AssertionError("no receipt row for " + member + " in " + receipts);
    }

    /** Status, content type and body of an answer. */
    private record Answer(int status, String contentType, String body) {

        Answer replace(String from, String to) {
            return new Answer(status, contentType, body.replace(from, to));
        }
    }

    private static JsonNode json(WebTestClient client, String path) {
        Answer answer = answer(client, path);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return TestStix.parse(answer.body());
    }

    private static Answer answer(WebTestClient client, String path) {
        return answer(client.get().uri(path).exchange().expectBody().returnResult());
    }

    private static Answer post(WebTestClient client, String path, String body) {
        return answer(client.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectBody().returnResult());
    }

    private static Answer answer(EntityExchangeResult<byte[]> result) {
        byte[] bytes = result.getResponseBody();
        return new Answer(result.getStatus().value(), String.valueOf(result.getResponseHeaders().getContentType()),
                bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8));
    }
}
