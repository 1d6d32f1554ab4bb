package org.trilateral.exchange.object;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
 * Ownership without oracles or squatting (docs/access-rules.md, "Ownership"), as two members meet it against the
 * running exchange: an object id is its creator's across the exchange, an id another member hides from you is not an
 * oracle, SCOs are facts every member may publish, reserved identities and markings cannot be squatted, and a reader
 * a newer version is hidden from keeps the latest version it may read.
 */
class OwnershipTest extends ExchangeIntegrationTest {

    private TestMember alice;
    private TestMember bob;

    @BeforeEach
    void twoMembers() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        alice = register("kr-alice-" + suffix, Nation.KR, Sector.GOVERNMENT, Role.CONSUMER, Role.PUBLISHER);
        bob = register("jp-bob-" + suffix, Nation.JP, Sector.GOVERNMENT, Role.CONSUMER, Role.PUBLISHER);
    }

    private static ObjectNode indicator(TestMember by, String id, String modified, Tlp tlp) {
        ObjectNode indicator = TestStix.indicator(id, modified);
        indicator.put("created_by_ref", by.identityId());
        indicator.putArray("object_marking_refs").add(tlp.id());
        return indicator;
    }

    private static JsonNode publish(TestMember by, String collection, ObjectNode... objects) {
        return by.taxii().publish(collection, TestStix.envelope(objects));
    }

    @Test
    void versionWhenAnotherMembersObjectInAnyCollectionThenRefused() {
        String id = "indicator--" + UUID.randomUUID();
        assertThat(publish(alice, Taxii.INDICATORS, indicator(alice, id, TestStix.CREATED, Tlp.AMBER))
                .get("success_count").intValue()).isEqualTo(1);

        JsonNode status = publish(bob, Taxii.SIGHTINGS, indicator(bob, id, "2027-01-01T00:00:00.000Z", Tlp.AMBER));

        assertThat(status.get("failure_count").intValue()).isEqualTo(1);
        assertThat(status.get("failures").get(0).get("message").asString()).contains("published by another member");
    }

    @Test
    void publishWhenTheIdIsUsedByAnObjectThePublisherMayNotReadThenAnsweredAsForAFreshId() {
        String hidden = "indicator--" + UUID.randomUUID();
        String fresh = "indicator--" + UUID.randomUUID();
        publish(alice, Taxii.INDICATORS, indicator(alice, hidden, TestStix.CREATED, Tlp.RED));

        JsonNode onHidden = publish(bob, Taxii.INDICATORS, indicator(bob, hidden, TestStix.CREATED, Tlp.AMBER));
        JsonNode onFresh = publish(bob, Taxii.INDICATORS, indicator(bob, fresh, TestStix.CREATED, Tlp.AMBER));

        assertThat(onHidden.get("success_count").intValue()).isEqualTo(onFresh.get("success_count").intValue()).isEqualTo(1);
        JsonNode bobsView = bob.taxii().getJson(Taxii.INDICATORS + "objects/" + hidden + "/");
        assertThat(bobsView.get("objects")).singleElement()
                .satisfies(o -> assertThat(o.get("created_by_ref").asString()).isEqualTo(bob.identityId()));
        JsonNode alicesView = alice.taxii().getJson(Taxii.INDICATORS + "objects/" + hidden + "/");
        assertThat(creators(alicesView)).containsExactlyInAnyOrder(alice.identityId(), bob.identityId());
    }

    @Test
    void scoWhenTwoMembersPublishTheSameThenEachCopyIsKeptAndReadersSeeBoth() {
        ObjectNode ip = TestStix.ipv4("198.51.100." + (1 + (int) (Math.random() * 250)));
        String id = ip.get("id").asString();

        assertThat(publish(alice, Taxii.INDICATORS, ip.deepCopy()).get("success_count").intValue()).isEqualTo(1);
        assertThat(publish(bob, Taxii.INDICATORS, ip.deepCopy()).get("success_count").intValue()).isEqualTo(1);

        JsonNode read = alice.taxii().getJson(Taxii.INDICATORS + "objects/" + id + "/?match[version]=all");
        assertThat(read.get("objects")).hasSize(2);
    }

    @Test
    void identityWhenItIsAnotherMembersRegisteredIdentityThenRefused() {
        ObjectNode identity = TestStix.indicator(alice.identityId(), TestStix.CREATED);
        identity.removeAll();
        identity.put("type", "identity").put("spec_version", "2.1").put("id", alice.identityId())
                .put("created", TestStix.CREATED).put("modified", "2027-01-01T00:00:00.000Z")
                .put("name", "Not really alice").put("identity_class", "organization")
                .put("created_by_ref", bob.identityId());

        JsonNode status = publish(bob, Taxii.INDICATORS, identity);

        assertThat(status.get("failures").get(0).get("message").asString())
                .contains("registered identity of another member");
    }

    @Test
    void markingWhenAnOfficialTlpIdWithOtherContentThenRefused() {
        ObjectNode marking = Tlp.RED.markingDefinition();
        marking.put("name", "TLP:CLEAR");

        JsonNode status = publish(bob, Taxii.INDICATORS, marking);

        assertThat(status.get("failures").get(0).get("message").asString()).contains("official content");
    }

    @Test
    void latestWhenTheNewestVersionIsHiddenFromAReaderThenItKeepsTheLatestItMayRead() {
        String id = "indicator--" + UUID.randomUUID();
        publish(alice, Taxii.INDICATORS, indicator(alice, id, TestStix.CREATED, Tlp.AMBER));
        publish(alice, Taxii.INDICATORS, indicator(alice, id, "2027-01-01T00:00:00.000Z", Tlp.RED));

        JsonNode latest = bob.taxii().getJson(Taxii.INDICATORS + "objects/" + id + "/");
        JsonNode page = bob.taxii().getJson(Taxii.INDICATORS + "objects/?match[id]=" + id);

        assertThat(latest.get("objects")).singleElement()
                .satisfies(o -> assertThat(o.get("modified").asString()).isEqualTo(TestStix.CREATED));
        assertThat(page.get("objects")).hasSize(1);
        assertThat(alice.taxii().getJson(Taxii.INDICATORS + "objects/" + id + "/").get("objects")).singleElement()
                .satisfies(o -> assertThat(o.get("modified").asString()).isEqualTo("2027-01-01T00:00:00.000Z"));
    }

    private static List<String> creators(JsonNode envelope) {
        List<String> creators = new ArrayList<>();
        envelope.get("objects").forEach(o -> creators.add(o.get("created_by_ref").asString()));
        return creators;
    }
}
