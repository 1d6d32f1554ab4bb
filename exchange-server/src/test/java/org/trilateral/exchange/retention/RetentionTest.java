package org.trilateral.exchange.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.trilateral.exchange.object.ObjectExpiry;
import org.trilateral.exchange.support.ExchangeIntegrationTest;
import org.trilateral.exchange.support.TestStix;
import org.trilateral.exchange.taxii.Taxii;
import org.trilateral.integrity.log.LeafOpening;
import org.trilateral.integrity.log.SealedEntry;
import org.trilateral.integrity.log.TombstoneRecord;
import tools.jackson.databind.node.ObjectNode;

/** Retention removes expired indicators of the collections it is configured for, each with a tombstone in the log. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "exchange.retention.rules[0].collection=indicators",
        "exchange.retention.rules[0].expired-after=30d",
        "exchange.retention.batch-size=1"})
class RetentionTest extends ExchangeIntegrationTest {

    @Autowired
    Retention retention;

    @Autowired
    ObjectExpiry expiry;

    private static ObjectNode indicator(String validUntil) {
        ObjectNode indicator = TestStix.indicator();
        indicator.put("valid_from", "2023-01-01T00:00:00.000Z");
        indicator.put("valid_until", validUntil);
        return indicator;
    }

    private long logSize() {
        byte[] note = client().get().uri("/log/checkpoint").exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        return Long.parseLong(new String(note, StandardCharsets.UTF_8).split("\n")[1]);
    }

    /** What the log's leaf at {@code index} holds, as its opening tells a reader of the object. */
    private SealedEntry opened(long index) {
        byte[] body = client().get().uri("/log/openings/{index}", index).exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        return LeafOpening.parse(TestStix.parse(new String(body, StandardCharsets.UTF_8))).openedEntry();
    }

    @Test
    void runWhenIndicatorsExpiredLongerThanTheRuleThenRemovedWithRetentionTombstones() {
        ObjectNode longExpired = indicator("2024-01-01T00:00:00.000Z");
        ObjectNode alsoLongExpired = indicator("2024-02-01T00:00:00.000Z");
        ObjectNode current = indicator("2999-01-01T00:00:00.000Z");
        ObjectNode elsewhere = indicator("2024-01-01T00:00:00.000Z");
        Taxii taxii = taxii();
        assertThat(taxii.publish(Taxii.INDICATORS, TestStix.envelope(longExpired, alsoLongExpired, current))
                .get("success_count").asInt()).isEqualTo(3);
        assertThat(taxii.publish(Taxii.SIGHTINGS, TestStix.envelope(elsewhere)).get("success_count").asInt()).isEqualTo(1);
        // Their expiries are logged first (by the schedule or here), each once; what follows counts retention's leaves.
        expiry.runOnce().block();
        long before = logSize();

        long removed = retention.runOnce().block();

        assertThat(removed).as("two batches of one").isEqualTo(2);
        taxii.get(Taxii.INDICATORS + "objects/" + longExpired.get("id").asString() + "/").expectStatus().isNotFound();
        taxii.get(Taxii.INDICATORS + "objects/" + alsoLongExpired.get("id").asString() + "/").expectStatus().isNotFound();
        taxii.get(Taxii.INDICATORS + "objects/" + current.get("id").asString() + "/").expectStatus().isOk();
        taxii.get(Taxii.SIGHTINGS + "objects/" + elsewhere.get("id").asString() + "/").expectStatus().isOk();
        assertThat(logSize()).isEqualTo(before + 2);
        assertThat(opened(before)).isInstanceOfSatisfying(TombstoneRecord.class, tombstone -> {
            assertThat(tombstone.deletedBy()).isEqualTo("retention");
            assertThat(tombstone.id()).isEqualTo(longExpired.get("id").asString());
        });
        assertThat(retention.runOnce().block()).as("nothing left to remove").isZero();
    }
}
