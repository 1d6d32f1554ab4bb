package org.trilateral.exchange.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.trilateral.exchange.member.MemberId;
import org.trilateral.integrity.jws.SigningKey;

class MemberKeyTest {

    private static final SigningKey KEY = SigningKey.generate();
    private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant UNTIL = Instant.parse("2026-02-01T00:00:00Z");

    private static MemberKey key(Instant notAfter, Instant revokedAt, String reason) {
        return new MemberKey(new MemberId("jp-agency"), KEY.publicKey(), FROM, notAfter, revokedAt, reason, FROM);
    }

    @Test
    void unusableAtWhenWithinValidityThenEmptyAndAtNotAfterThenExpired() {
        MemberKey key = key(UNTIL, null, null);

        assertThat(key.unusableAt(FROM)).isEmpty();
        assertThat(key.unusableAt(UNTIL.minusNanos(1000))).isEmpty();
        assertThat(key.unusableAt(UNTIL)).hasValueSatisfying(m -> assertThat(m).contains("expired at 2026-02-01"));
        assertThat(key.unusableAt(FROM.minusSeconds(1))).hasValueSatisfying(m -> assertThat(m).contains("not valid before"));
    }

    @Test
    void unusableAtWhenRevokedThenNamesTheReasonWhateverTheTime() {
        MemberKey key = key(null, UNTIL, "compromised");

        assertThat(key.unusableAt(FROM)).hasValueSatisfying(m -> assertThat(m).contains(KEY.kid()).contains("compromised"));
    }

    @Test
    void constructWhenNotAfterNotLaterThanNotBeforeThenRefused() {
        assertThatThrownBy(() -> key(FROM, null, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be later than not_before");
    }
}
