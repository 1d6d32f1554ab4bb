package org.trilateral.exchange.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class ObjectVersionEntryTest {

    private static final byte[] SHA = HexFormat.of().parseHex("00".repeat(31) + "ff");
    private static final Instant ACCEPTED = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void toJsonWhenUnsignedThenNoKidAndNoSignature() {
        ObjectNode leaf = new ObjectVersionEntry("c1", "indicator--1", "2026-01-01T00:00:00.000Z", SHA,
                Optional.empty()).toJson(3, ACCEPTED);

        assertThat(leaf.propertyNames()).containsExactlyInAnyOrder("kind", "collection", "id", "modified",
                "object_sha256", "log_index", "accepted");
        assertThat(leaf.get("kind").stringValue()).isEqualTo("object-version");
        assertThat(leaf.get("object_sha256").stringValue()).isEqualTo("00".repeat(31) + "ff");
        assertThat(leaf.get("log_index").longValue()).isEqualTo(3);
        assertThat(leaf.get("accepted").stringValue()).isEqualTo("2026-03-01T12:00:00.000000Z");
    }

    @Test
    void toJsonWhenSignedThenKidAndCompactDetachedSignature() {
        ObjectNode leaf = new ObjectVersionEntry("c1", "indicator--1", "2026-01-01T00:00:00.000Z", SHA,
                Optional.of(new SignatureReference(Optional.of("kid-1"), "aGVhZA..c2ln"))).toJson(0, ACCEPTED);

        assertThat(leaf.get("kid").stringValue()).isEqualTo("kid-1");
        assertThat(leaf.get("signature").stringValue()).isEqualTo("aGVhZA..c2ln");
    }

    @Test
    void constructWhenDigestNotThirtyTwoBytesThenRefused() {
        assertThatThrownBy(() -> new ObjectVersionEntry("c1", "indicator--1", "2026-01-01T00:00:00.000Z",
                new byte[20], Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the object SHA-256 of indicator--1 must be 32 bytes");
    }
}
