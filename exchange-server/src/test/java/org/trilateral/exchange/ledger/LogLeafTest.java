package org.trilateral.exchange.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.trilateral.integrity.merkle.MerkleHash;

class LogLeafTest {

    private static final Instant ACCEPTED = Instant.parse("2026-03-01T12:00:00.123456Z");

    @Test
    void encodeWhenTombstoneThenTextIsJcsWithMembersSorted() {
        LogLeaf leaf = LogLeaf.encode(new TombstoneEntry("c1", "indicator--1", "2026-01-01T00:00:00.000Z",
                Optional.of("member-a")), 7, ACCEPTED);

        assertThat(leaf.index()).isEqualTo(7);
        assertThat(leaf.json()).isEqualTo("{\"accepted\":\"2026-03-01T12:00:00.123456Z\",\"collection\":\"c1\","
                + "\"deleted_by\":\"member-a\",\"id\":\"indicator--1\",\"kind\":\"tombstone\",\"log_index\":7,"
                + "\"modified\":\"2026-01-01T00:00:00.000Z\"}");
    }

    @Test
    void encodeWhenAnyEntryThenHashIsRfc9162LeafHashOfTheText() {
        LogLeaf leaf = LogLeaf.encode(new TombstoneEntry("c1", "indicator--1", "2026-01-01T00:00:00.000Z",
                Optional.empty()), 0, ACCEPTED);

        assertThat(leaf.hash()).isEqualTo(MerkleHash.leaf(leaf.json().getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void constructWhenHashNotThirtyTwoBytesThenRefused() {
        assertThatThrownBy(() -> new LogLeaf(1, "{}", new byte[31]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the hash of leaf 1 must be 32 bytes");
    }

    @Test
    void constructWhenIndexNegativeThenRefused() {
        assertThatThrownBy(() -> new LogLeaf(-1, "{}", new byte[32]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("log index -1 is negative");
    }
}
