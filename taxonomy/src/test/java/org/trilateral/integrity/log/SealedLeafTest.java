package org.trilateral.integrity.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.trilateral.integrity.jcs.StrictJson;
import org.trilateral.integrity.merkle.MerkleHash;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class SealedLeafTest {

    static final AudienceKeys KEYS = new AudienceKeys(new byte[32]);

    static ObjectVersionRecord redPhone() {
        return new ObjectVersionRecord("6f3a1c2e-8b4d-4e5f-9a7b-1c2d3e4f5a60",
                "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f", "2026-11-30T10:00:00.000Z",
                "a".repeat(64), "kr-agency", "identity--27b23625-643f-4f73-bfb8-271c7353fbee",
                Optional.of("kid-1"), Optional.of("eyJhbGciOiJFZERTQSJ9..c2ln"),
                new Audience("red", Optional.of(List.of("jp-agency")), List.of()), "2026-11-30T10:00:01.000001Z");
    }

    static LeafOpening seal(SealedEntry entry) {
        byte[] salt = LeafCommitment.newSalt();
        byte[] commitment = LeafCommitment.of(salt, entry.toJson());
        List<byte[]> tags = AudienceTags.of(commitment, AudienceTags.keysFor(entry.audience(), entry.publisher(), KEYS));
        return LeafOpening.seal(7, entry, salt, tags);
    }

    @Test
    void toJsonWhenSealedThenOnlyVersionKindCommitmentAndTags() {
        LeafOpening opening = seal(redPhone());

        ObjectNode leaf = opening.leaf().toJson();

        assertThat(leaf.propertyNames()).containsExactly("v", "kind", "commitment", "tags");
        String text = opening.leaf().text();
        assertThat(text).doesNotContain("indicator--", "kr-agency", "jp-agency", "6f3a1c2e", "kid-1", "red");
        assertThat(leaf.get("tags")).hasSize(AudienceTags.MIN_TAGS);
    }

    @Test
    void parseWhenServedThenSameLeafAndHash() {
        SealedLeaf leaf = seal(redPhone()).leaf();

        LogLeaf parsed = LogLeaf.parse(StrictJson.mapper().readTree(leaf.text()));

        assertThat(parsed).isEqualTo(leaf);
        assertThat(parsed.leafHash()).isEqualTo(MerkleHash.leaf(leaf.text().getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void openedEntryWhenSaltAndEntryGiveCommitmentThenEntry() {
        LeafOpening opening = seal(redPhone());

        LeafOpening served = LeafOpening.parse(StrictJson.mapper().readTree(opening.toJson().toString()));

        assertThat(served.openedEntry()).isEqualTo(redPhone());
    }

    @Test
    void openedEntryWhenEntryChangedThenRefused() {
        LeafOpening opening = seal(redPhone());
        ObjectNode changed = (ObjectNode) opening.entry();
        changed.put("version", "2026-11-30T10:00:00.001Z");

        LeafOpening forged = new LeafOpening(7, opening.leaf(), changed, opening.salt());

        assertThatThrownBy(forged::openedEntry).isInstanceOf(LeafFormatException.class)
                .hasMessageContaining("does not give its commitment");
    }

    @Test
    void commitmentWhenSameEntryTwiceThenDifferentLeaves() {
        assertThat(seal(redPhone()).leaf().commitment()).isNotEqualTo(seal(redPhone()).leaf().commitment());
    }

    @Test
    void parseWhenTombstoneThenRecord() {
        TombstoneRecord tombstone = new TombstoneRecord("c", "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
                "2026-11-30T10:00:00.000Z", "b".repeat(64), "kr-agency", "retention",
                new Audience("amber", Optional.empty(), List.of("sector-government")), "2026-11-30T10:00:01Z");

        JsonNode served = StrictJson.mapper().readTree(seal(tombstone).toJson().toString());

        assertThat(LeafOpening.parse(served).openedEntry()).isEqualTo(tombstone);
    }

    @Test
    void parseWhenExpiryThenRecord() {
        ExpiryRecord expiry = new ExpiryRecord("c", "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
                "2026-11-30T10:00:00.000Z", "c".repeat(64), "jp-agency", "2026-12-01T00:00:00Z",
                new Audience("green", Optional.empty(), List.of()), "2026-12-01T00:00:04.123456Z");

        JsonNode served = StrictJson.mapper().readTree(seal(expiry).toJson().toString());

        assertThat(LeafOpening.parse(served).openedEntry()).isEqualTo(expiry);
        assertThat(expiry.toJson().get("kind").asString()).isEqualTo("expiry");
        assertThat(expiry.toJson().get("valid_until").asString()).isEqualTo("2026-12-01T00:00:00Z");
    }

    @Test
    void parseWhenExpiryWithoutValidUntilThenRefused() {
        ExpiryRecord expiry = new ExpiryRecord("c", "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
                "2026-11-30T10:00:00.000Z", "c".repeat(64), "jp-agency", "2026-12-01T00:00:00Z",
                new Audience("green", Optional.empty(), List.of()), "2026-12-01T00:00:04.123456Z");
        tools.jackson.databind.node.ObjectNode entry = expiry.toJson();
        entry.remove("valid_until");

        assertThatThrownBy(() -> SealedEntry.parse(entry)).isInstanceOf(LeafFormatException.class)
                .hasMessageContaining("valid_until");
    }

    @Test
    void audienceWhenRecipientsWithoutRedThenRefused() {
        assertThatThrownBy(() -> new Audience("amber", Optional.of(List.of("x")), List.of()))
                .isInstanceOf(LeafFormatException.class);
    }
}
