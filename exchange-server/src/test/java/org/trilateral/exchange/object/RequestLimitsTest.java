package org.trilateral.exchange.object;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.trilateral.exchange.support.ExchangeIntegrationTest;
import org.trilateral.exchange.support.TestStix;
import org.trilateral.exchange.taxii.Taxii;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

@TestPropertySource(properties = {
        "exchange.taxii.limits.max-content-length=8KB",
        "exchange.taxii.limits.max-objects-per-envelope=5",
        "exchange.taxii.limits.default-page-size=2",
        "exchange.taxii.limits.max-page-size=3"})
class RequestLimitsTest extends ExchangeIntegrationTest {

    @Test
    void postWhenBodyLargerThanMaxContentLengthThen413AndNothingStored() {
        Taxii taxii = new Taxii(client());
        ObjectNode big = TestStix.indicator();
        big.put("description", "x".repeat(9 * 1024));

        taxii.post(Taxii.INDICATORS + "objects/", TestStix.envelope(big))
                .expectStatus().isEqualTo(413)
                .expectHeader().valueEquals("Content-Type", "application/taxii+json;version=2.1")
                .expectBody().jsonPath("$.http_status").isEqualTo("413");

        taxii.get(Taxii.INDICATORS + "objects/" + big.get("id").asString() + "/").expectStatus().isNotFound();
    }

    @Test
    void postWhenMoreObjectsThanAllowedThen413AndNothingStored() {
        Taxii taxii = new Taxii(client());
        List<ObjectNode> objects = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            objects.add(TestStix.indicator());
        }
        taxii.post(Taxii.INDICATORS + "objects/", TestStix.envelope(objects))
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.description").value(d -> assertThat((String) d).contains("more than 5 objects"));
        for (ObjectNode object : objects) {
            taxii.get(Taxii.INDICATORS + "objects/" + object.get("id").asString() + "/").expectStatus().isNotFound();
        }
    }

    @Test
    void apiRootWhenLimitConfiguredThenAdvertisesIt() {
        assertThat(new Taxii(client()).getJson(Taxii.ROOT).get("max_content_length").asLong()).isEqualTo(8 * 1024);
    }

    @Test
    void objectsWhenNoLimitGivenThenDefaultPageSizeAndWhenLimitTooLargeThenLoweredToMaximum() {
        Taxii taxii = new Taxii(client());
        String c = Taxii.ROOT + "collections/sightings/";
        taxii.publish(c, TestStix.envelope(TestStix.indicator(), TestStix.indicator(), TestStix.indicator(),
                TestStix.indicator(), TestStix.indicator()));

        JsonNode defaultPage = taxii.getJson(c + "objects/");
        assertThat(defaultPage.get("objects")).hasSize(2);
        assertThat(defaultPage.get("more").asBoolean()).isTrue();
        JsonNode cappedPage = taxii.getJson(c + "objects/?limit=1000");
        assertThat(cappedPage.get("objects")).hasSize(3);
        assertThat(cappedPage.get("next").asString()).isNotBlank();
    }
}
