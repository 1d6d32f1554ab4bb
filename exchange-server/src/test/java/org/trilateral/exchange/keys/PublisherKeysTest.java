package org.trilateral.exchange.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trilateral.exchange.member.MemberId;
import org.trilateral.exchange.support.TestStix;
import org.trilateral.integrity.jws.SigningKey;

class PublisherKeysTest {

    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private static final SigningKey OWN = SigningKey.generate();
    private static final PublisherKeys KEYS = new PublisherKeys(new MemberId("jp-agency"), List.of(
            new MemberKey(new MemberId("jp-agency"), OWN.publicKey(), NOW.minusSeconds(60), null, null, null, NOW.minusSeconds(60))));

    @Test
    void verifyWhenSignedByOwnValidKeyThenVerifiedNamingKidAndIndex() {
        PublisherKeys.SignatureVerdict verdict = KEYS.verify(TestStix.sign(TestStix.indicator(), OWN), NOW);

        assertThat(verdict.isVerified()).isTrue();
        assertThat(verdict.kid()).hasValue(OWN.kid());
        assertThat(verdict.verifiedIndex()).hasValue(0);
    }

    @Test
    void verifyWhenUnsignedThenUnsigned() {
        PublisherKeys.SignatureVerdict verdict = KEYS.verify(TestStix.indicator(), NOW);

        assertThat(verdict.isUnsigned()).isTrue();
        assertThat(verdict.refusal(Map.of())).startsWith("no signature");
    }

    @Test
    void verifyWhenKidNotThePublishersThenRefusalNamesItsOwner() {
        SigningKey other = SigningKey.generate();
        PublisherKeys.SignatureVerdict verdict = KEYS.verify(TestStix.sign(TestStix.indicator(), other), NOW);

        assertThat(verdict.unknownKids()).containsExactly(other.kid());
        assertThat(verdict.refusal(Map.of(other.kid(), new MemberId("kr-agency")))).contains("a key of member 'kr-agency'");
        assertThat(verdict.refusal(Map.of())).contains("unknown kid " + other.kid());
    }

    @Test
    void verifyWhenKeyNotYetValidAtIngestThenRefused() {
        PublisherKeys.SignatureVerdict verdict = KEYS.verify(TestStix.sign(TestStix.indicator(), OWN), NOW.minusSeconds(3600));

        assertThat(verdict.isVerified()).isFalse();
        assertThat(verdict.refusal(Map.of())).contains("is not valid before");
    }
}
