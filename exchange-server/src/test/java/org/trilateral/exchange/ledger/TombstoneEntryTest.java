package org.trilateral.exchange.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class TombstoneEntryTest {

    @Test
    void toJsonWhenDeleterUnknownThenNoDeletedBy() {
        ObjectNode leaf = new TombstoneEntry("c1", "indicator--1", "2026-01-01T00:00:00.000Z", Optional.empty())
                .toJson(9, Instant.parse("2026-03-01T12:00:00Z"));

        assertThat(leaf.propertyNames()).containsExactlyInAnyOrder("kind", "collection", "id", "modified",
                "log_index", "accepted");
        assertThat(leaf.get("kind").stringValue()).isEqualTo("tombstone");
    }

    @Test
    void toJsonWhenDeleterKnownThenDeletedBy() {
        ObjectNode leaf = new TombstoneEntry("c1", "indicator--1", "2026-01-01T00:00:00.000Z", Optional.of("retention"))
                .toJson(9, Instant.parse("2026-03-01T12:00:00Z"));

        assertThat(leaf.get("deleted_by").stringValue()).isEqualTo("retention");
    }
}
