package org.trilateral.exchange.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.trilateral.exchange.member.Nation;
import org.trilateral.exchange.member.Role;
import org.trilateral.taxonomy.vocabulary.Sector;
import org.trilateral.exchange.support.ExchangeIntegrationTest;
import org.trilateral.exchange.support.TestStix;
import org.trilateral.exchange.taxii.Taxii;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a member may do with its roles: per-collection read and write roles (and can_read / can_write), attribution of
 * everything it publishes, and status resources that only the poster (and admins) can read.
 */
class MemberAccessTest extends ExchangeIntegrationTest {

    private static ObjectNode by(TestMember member) {
        return (ObjectNode) TestStix.indicator().put("created_by_ref", member.identityId());
    }

    @Test
    void collectionsWhenConsumerOnlyThenCanReadButNotWrite() {
        TestMember reader = register("reader-only", Nation.JP, Sector.AI_COMPANY, Role.CONSUMER);
        JsonNode collections = reader.taxii().getJson(Taxii.ROOT + "collections/").get("collections");
        collections.forEach(c -> {
            assertThat(c.get("can_read").asBoolean()).as("can_read of %s", c.get("alias")).isTrue();
            assertThat(c.get("can_write").asBoolean()).as("can_write of %s", c.get("alias")).isFalse();
        });
    }

    @Test
    void collectionWhenPublisherWithoutAdvisoryIssuerThenCanWriteIndicatorsNotAdvisories() {
        TestMember company = register("kr-pay-co", Nation.KR, Sector.PAYMENT_PROVIDER, Role.CONSUMER, Role.PUBLISHER);
        Taxii taxii = company.taxii();
        assertThat(taxii.getJson(Taxii.INDICATORS).get("can_write").asBoolean()).isTrue();
        assertThat(taxii.getJson(Taxii.ADVISORIES).get("can_write").asBoolean()).isFalse();
        taxii.post(Taxii.ADVISORIES + "objects/", TestStix.envelope(by(company))).expectStatus().isForbidden()
                .expectHeader().valueEquals("Content-Type", "application/taxii+json;version=2.1")
                .expectHeader().value("WWW-Authenticate", h -> assertThat(h).contains("insufficient_scope"))
                .expectBody().jsonPath("$.http_status").isEqualTo("403")
                .jsonPath("$.description").value(d -> assertThat((String) d).contains("advisory-issuer"));
        assertThat(taxii.publish(Taxii.INDICATORS, TestStix.envelope(by(company))).get("success_count").asInt()).isEqualTo(1);
    }

    @Test
    void objectsWhenNoConsumerRoleThen403OnEveryReadPath() {
        TestMember writer = register("write-only", Nation.US, Sector.FREELANCE_PLATFORM, Role.PUBLISHER);
        Taxii taxii = writer.taxii();
        assertThat(taxii.getJson(Taxii.INDICATORS).get("can_read").asBoolean()).isFalse();
        for (String path : new String[] {"objects/", "manifest/", "objects/indicator--" + java.util.UUID.randomUUID() + "/",
                "objects/indicator--" + java.util.UUID.randomUUID() + "/versions/"}) {
            taxii.get(Taxii.INDICATORS + path).expectStatus().isForbidden()
                    .expectBody().jsonPath("$.description").value(d -> assertThat((String) d).contains("consumer"));
        }
    }

    @Test
    void deleteWhenNotAdminThen403() {
        TestMember member = register("no-admin", Nation.US, Sector.GOVERNMENT, Role.CONSUMER, Role.PUBLISHER);
        ObjectNode indicator = by(member);
        member.taxii().publish(Taxii.INDICATORS, TestStix.envelope(indicator));
        member.client().delete().uri(Taxii.INDICATORS + "objects/" + indicator.get("id").asString() + "/")
                .header("Accept", "application/taxii+json;version=2.1").exchange().expectStatus().isForbidden();
    }

    @Test
    void publishWhenCreatedByAnotherMemberThenThatObjectFailsAndOthersSucceed() {
        TestMember us = register("us-pub", Nation.US, Sector.GOVERNMENT, Role.CONSUMER, Role.PUBLISHER);
        TestMember jp = register("jp-pub", Nation.JP, Sector.GOVERNMENT, Role.CONSUMER, Role.PUBLISHER);
        ObjectNode own = by(us);
        ObjectNode forged = by(jp);
        ObjectNode unattributed = TestStix.indicator();
        unattributed.remove("created_by_ref");
        ObjectNode observable = TestStix.ipv4("198.51.100.77");

        JsonNode status = us.taxii().publish(Taxii.INDICATORS, TestStix.envelope(own, forged, unattributed, observable));

        assertThat(status.get("success_count").asInt()).isEqualTo(2);
        assertThat(status.get("failure_count").asInt()).isEqualTo(2);
        assertThat(status.get("failures").get(0).get("id").asString()).isEqualTo(forged.get("id").asString());
        assertThat(status.get("failures").get(0).get("message").asString())
                .contains(jp.identityId()).contains("another member's name");
        assertThat(status.get("failures").get(1).get("message").asString()).contains("created_by_ref is missing").contains(us.identityId());
    }

    @Test
    void publishWhenAnotherMemberVersionsMyObjectThenRefused() {
        TestMember first = register("first-pub", Nation.KR, Sector.GOVERNMENT, Role.CONSUMER, Role.PUBLISHER);
        TestMember second = register("second-pub", Nation.KR, Sector.GOVERNMENT, Role.CONSUMER, Role.PUBLISHER);
        ObjectNode original = by(first);
        first.taxii().publish(Taxii.INDICATORS, TestStix.envelope(original));
        ObjectNode takeover = original.deepCopy();
        takeover.put("created_by_ref", second.identityId()).put("modified", "2026-06-01T00:00:00.000Z");

        JsonNode status = second.taxii().publish(Taxii.INDICATORS, TestStix.envelope(takeover));

        assertThat(status.get("failures").get(0).get("message").asString()).contains("published by another member");
    }

    @Test
    void statusWhenReadByAnotherMemberThen404AndByPosterAndAdminThen200() {
        TestMember poster = register("poster", Nation.JP, Sector.CRYPTOCURRENCY_BUSINESS, Role.CONSUMER, Role.PUBLISHER);
        TestMember other = register("curious", Nation.JP, Sector.CRYPTOCURRENCY_BUSINESS, Role.CONSUMER, Role.PUBLISHER);
        String statusId = poster.taxii().publish(Taxii.INDICATORS, TestStix.envelope(by(poster))).get("id").asString();
        String path = Taxii.ROOT + "status/" + statusId + "/";
        poster.taxii().get(path).expectStatus().isOk();
        other.taxii().get(path).expectStatus().isNotFound();
        new Taxii(client()).get(path).expectStatus().isOk();
    }
}
