package org.trilateral.exchange.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class VerifiedTokensTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private final MutableClock clock = new MutableClock(T0);

    private static Jwt jwt(Instant expires) {
        return Jwt.withTokenValue("t").header("alg", "ES256").subject("us-agency").issuedAt(T0).expiresAt(expires).build();
    }

    @Test
    void aVerifiedTokenIsAnsweredWithinItsTimeToLiveAndNotAfter() {
        VerifiedTokens tokens = new VerifiedTokens(10, Duration.ofSeconds(60), clock);
        Jwt jwt = jwt(T0.plusSeconds(3600));
        tokens.remember("token-a", jwt);
        assertThat(tokens.find("token-a")).isSameAs(jwt);
        assertThat(tokens.find("token-b")).isNull();
        clock.now = T0.plusSeconds(61);
        assertThat(tokens.find("token-a")).as("older than the time to live: verified again").isNull();
    }

    @Test
    void anExpiredTokenIsNeverAnsweredFromMemory() {
        VerifiedTokens tokens = new VerifiedTokens(10, Duration.ofMinutes(10), clock);
        tokens.remember("token-a", jwt(T0.plusSeconds(5)));
        clock.now = T0.plusSeconds(5);
        assertThat(tokens.find("token-a")).isNull();
    }

    @Test
    void theLeastRecentlyUsedTokenGoesFirstAndSizeZeroRemembersNothing() {
        VerifiedTokens tokens = new VerifiedTokens(2, Duration.ofSeconds(60), clock);
        tokens.remember("a", jwt(T0.plusSeconds(3600)));
        tokens.remember("b", jwt(T0.plusSeconds(3600)));
        assertThat(tokens.find("a")).isNotNull();
        tokens.remember("c", jwt(T0.plusSeconds(3600)));
        assertThat(tokens.find("b")).isNull();
        assertThat(tokens.find("a")).isNotNull();
        assertThat(tokens.find("c")).isNotNull();

        VerifiedTokens none = VerifiedTokens.none(clock);
        none.remember("a", jwt(T0.plusSeconds(3600)));
        assertThat(none.find("a")).isNull();
    }

    private static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
