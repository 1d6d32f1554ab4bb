package org.trilateral.exchange.object;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.trilateral.exchange.support.ExchangeIntegrationTest;
import org.trilateral.exchange.support.TestStix;
import org.trilateral.exchange.taxii.Taxii;
import org.trilateral.exchange.taxii.TaxiiMediaTypes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The collection's feed and manifest leave out revoked (STIX 2.1 §3.6) and expired (§4.7 {@code valid_until}) object
 * versions unless {@code match[include_invalid]=true}; the object endpoint still serves them, so a holder of an object
 * learns that it was withdrawn.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObjectValidityTest extends ExchangeIntegrationTest {

    private final ObjectNode valid = TestStix.indicator();
    private final ObjectNode expired = TestStix.indicator();
    private final ObjectNode stillValid = TestStix.indicator();
    private final ObjectNode revokedFirst = TestStix.indicator();
    private ObjectNode revokedLatest;

    @BeforeAll
    void publish() {
        expired.put("valid_from", "2025-01-01T00:00:00Z").put("valid_until", "2025-06-01T00:00:00Z");
        stillValid.put("valid_until", "2999-01-01T00:00:00.123Z");
        revokedLatest = revokedFirst.deepCopy().put("modified", "2026-02-01T00:00:00.000Z").put("revoked", true);
        JsonNode status = taxii().publish(Taxii.INDICATORS, TestStix.envelope(valid, expired, stillValid, revokedFirst));
        assertThat(status.get("failures")).as("%s", status).isEmpty();
        status = taxii().publish(Taxii.INDICATORS, TestStix.envelope(revokedLatest));
        assertThat(status.get("failures")).as("%s", status).isEmpty();
    }

    private String ids() {
        return String.join(",", id(valid), id(expired), id(stillValid), id(revokedFirst));
    }

    private static String id(JsonNode object) {
        return object.get("id").stringValue();
    }

    @Test
    void getObjectsWhenRevokedOrExpiredThenLeftOutOfTheFeed() {
        JsonNode page = taxii().getJson(Taxii.INDICATORS + "objects/?match[id]=" + ids());

        assertThat(page.get("objects").findValuesAsString("id")).containsExactlyInAnyOrder(id(valid), id(stillValid));
    }

    @Test
    void getObjectsWhenIncludeInvalidThenEveryLatestVersion() {
        JsonNode page = taxii().getJson(Taxii.INDICATORS + "objects/?match[include_invalid]=true&match[id]=" + ids());

        assertThat(page.get("objects").findValuesAsString("id"))
                .containsExactlyInAnyOrder(id(valid), id(expired), id(stillValid), id(revokedFirst));
        for (JsonNode object : page.get("objects")) {
            if (id(object).equals(id(revokedFirst))) {
                assertThat(object.get("revoked").booleanValue()).isTrue();
            }
        }
    }

    @Test
    void getManifestWhenRevokedOrExpiredThenLeftOutUnlessIncluded() {
        JsonNode manifest = taxii().getJson(Taxii.INDICATORS + "manifest/?match[id]=" + ids());
        JsonNode all = taxii().getJson(Taxii.INDICATORS + "manifest/?match[include_invalid]=true&match[id]=" + ids());

        assertThat(manifest.get("objects").findValuesAsString("id")).containsExactlyInAnyOrder(id(valid), id(stillValid));
        assertThat(all.get("objects")).hasSize(4);
    }

    @Test
    void getObjectWhenRevokedThenServedWithItsRevocation() {
        JsonNode page = taxii().getJson(Taxii.INDICATORS + "objects/" + id(revokedFirst) + "/");

        assertThat(page.get("objects")).hasSize(1);
        assertThat(page.get("objects").get(0).get("revoked").booleanValue()).isTrue();
        assertThat(taxii().getJson(Taxii.INDICATORS + "objects/" + id(expired) + "/").get("objects")).hasSize(1);
    }

    @Test
    void getObjectsWhenIncludeInvalidNotABooleanThenBadRequest() {
        taxii().get(Taxii.INDICATORS + "objects/?match[include_invalid]=yes")
                .expectStatus().isBadRequest()
                .expectHeader().valueEquals("Content-Type", TaxiiMediaTypes.TAXII_VALUE)
                .expectBody().jsonPath("$.description").value(d -> assertThat((String) d).contains("match[include_invalid]"));
    }
}
