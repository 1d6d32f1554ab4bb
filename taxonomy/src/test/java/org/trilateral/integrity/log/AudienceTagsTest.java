package org.trilateral.integrity.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every cell of the access table (docs/access-rules.md): a member recognises a sealed leaf as addressed to it exactly
 * when it may read the object, and the tags tell nothing to the others.
 */
class AudienceTagsTest {

    private static final AudienceKeys KEYS = new AudienceKeys(LeafCommitment.newSalt());

    enum Reader {
        PUBLISHER("us-gov-publisher", Set.of("trilateral-government", "sector-government")),
        US_GOV("us-gov", Set.of("trilateral-government", "sector-government")),
        JP_GOV("jp-gov", Set.of("trilateral-government", "sector-government")),
        KR_GOV("kr-gov", Set.of("trilateral-government", "sector-government")),
        OTHER_GOV("other-gov", Set.of("sector-government")),
        JP_CRYPTO("jp-crypto", Set.of("sector-cryptocurrency-business")),
        US_FREELANCE("us-freelance", Set.of("sector-freelance-platform")),
        KR_PAYMENT("kr-payment", Set.of("sector-payment-provider"));

        final String id;
        final Set<String> groups;

        Reader(String id, Set<String> groups) {
            this.id = id;
            this.groups = groups;
        }

        AudienceKeyRing ring() {
            return KEYS.ringOf(id, groups);
        }
    }

    enum Row {
        AMBER("amber", null, List.of(), EnumSet.allOf(Reader.class)),
        RED_NO_RECIPIENTS("red", List.of(), List.of(), EnumSet.of(Reader.PUBLISHER)),
        RED_TO_JP_GOV_AND_JP_CRYPTO("red", List.of("jp-gov", "jp-crypto"), List.of(),
                EnumSet.of(Reader.PUBLISHER, Reader.JP_GOV, Reader.JP_CRYPTO)),
        TRILATERAL_GOVERNMENT("amber", null, List.of("trilateral-government"),
                EnumSet.of(Reader.PUBLISHER, Reader.US_GOV, Reader.JP_GOV, Reader.KR_GOV)),
        SECTOR_GOVERNMENT("green", null, List.of("sector-government"),
                EnumSet.of(Reader.PUBLISHER, Reader.US_GOV, Reader.JP_GOV, Reader.KR_GOV, Reader.OTHER_GOV)),
        SECTOR_CRYPTO("amber", null, List.of("sector-cryptocurrency-business"), EnumSet.of(Reader.PUBLISHER, Reader.JP_CRYPTO)),
        TRILATERAL_GOVERNMENT_AND_SECTOR_CRYPTO("amber", null,
                List.of("trilateral-government", "sector-cryptocurrency-business"), EnumSet.of(Reader.PUBLISHER)),
        RED_TO_JP_GOV_AND_JP_CRYPTO_IN_TRILATERAL_GOVERNMENT("red", List.of("jp-gov", "jp-crypto"),
                List.of("trilateral-government"), EnumSet.of(Reader.PUBLISHER, Reader.JP_GOV)),
        AMBER_SECTOR_PAYMENT("amber", null, List.of("sector-payment-provider"),
                EnumSet.of(Reader.PUBLISHER, Reader.KR_PAYMENT));

        final Audience audience;
        final Set<Reader> readers;

        Row(String tlp, List<String> recipients, List<String> groups, Set<Reader> readers) {
            this.audience = new Audience(tlp, Optional.ofNullable(recipients), groups);
            this.readers = readers;
        }
    }

    @ParameterizedTest
    @EnumSource(Row.class)
    void addressedToWhenLeafTaggedForAudienceThenExactlyTheReaders(Row row) {
        byte[] commitment = LeafCommitment.newSalt();
        SealedLeaf leaf = new SealedLeaf(commitment,
                AudienceTags.of(commitment, AudienceTags.keysFor(row.audience, Reader.PUBLISHER.id, KEYS)));

        for (Reader reader : Reader.values()) {
            assertThat(reader.ring().addressedTo(leaf)).as(row + " for " + reader).isEqualTo(row.readers.contains(reader));
            assertThat(row.audience.readableBy(reader.id, reader.groups, Reader.PUBLISHER.id))
                    .as(row + " readable by " + reader).isEqualTo(row.readers.contains(reader));
        }
    }

    @ParameterizedTest
    @EnumSource(Row.class)
    void ofWhenFewReadersThenPaddedToFourTags(Row row) {
        byte[] commitment = LeafCommitment.newSalt();

        assertThat(AudienceTags.of(commitment, AudienceTags.keysFor(row.audience, Reader.PUBLISHER.id, KEYS))).hasSize(4);
    }

    @org.junit.jupiter.api.Test
    void ofWhenManyRecipientsThenNextPowerOfTwo() {
        Audience audience = new Audience("red", Optional.of(List.of("a", "b", "c", "d", "e")), List.of());

        assertThat(AudienceTags.of(new byte[32], AudienceTags.keysFor(audience, "p", KEYS))).hasSize(8);
    }

    @org.junit.jupiter.api.Test
    void parseWhenRingServedThenSameCandidates() {
        AudienceKeyRing ring = Reader.JP_GOV.ring();

        AudienceKeyRing served = AudienceKeyRing.parse(ring.toJson());

        assertThat(served.candidateKeys()).hasSameSizeAs(ring.candidateKeys());
        byte[] commitment = new byte[32];
        SealedLeaf leaf = new SealedLeaf(commitment, AudienceTags.of(commitment,
                AudienceTags.keysFor(Row.TRILATERAL_GOVERNMENT.audience, "us-gov-publisher", KEYS)));
        assertThat(served.addressedTo(leaf)).isTrue();
    }
}
