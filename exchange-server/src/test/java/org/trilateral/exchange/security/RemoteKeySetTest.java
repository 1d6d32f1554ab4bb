package org.trilateral.exchange.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import org.trilateral.exchange.support.TestIdentityProvider;
import org.trilateral.taxonomy.marking.Tlp;

/** One issuer's key set against a WireMock provider, with a clock the test moves. */
class RemoteKeySetTest {

    private final TestIdentityProvider provider = TestIdentityProvider.start("jp");
    private Instant now = Instant.parse("2026-05-01T00:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
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
    };
    private final RemoteKeySet keys = new RemoteKeySet(
            new SecurityProperties.Issuer("jp", provider.issuerUri(), null, TestIdentityProvider.AUDIENCE, "sub", null, null),
            new SecurityProperties(List.of(), Duration.ofSeconds(30), Tlp.AMBER, Duration.ofSeconds(10), Duration.ofMinutes(15),
                    Duration.ofSeconds(5)),
            WebClient.create(), clock);

    @AfterEach
    void stop() {
        provider.close();
    }

    private List<JWK> keysFor(ECKey key) {
        try {
            SignedJWT jwt = SignedJWT.parse(TestIdentityProvider.sign(key, provider.claims("s").build()));
            return keys.apply(jwt).collectList().block();
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void applyWhenKeyCachedThenNoFetch() {
        assertThat(keysFor(provider.signingKey())).hasSize(1);
        assertThat(keysFor(provider.signingKey())).hasSize(1);
        assertThat(provider.keySetFetches()).isEqualTo(1);
    }

    @Test
    void applyWhenUnknownKidsWithinMinimumIntervalThenOneRefetchOnly() {
        keysFor(provider.signingKey());
        now = now.plusSeconds(60);
        assertThat(keysFor(TestIdentityProvider.newKey())).isEmpty();
        assertThat(keysFor(TestIdentityProvider.newKey())).isEmpty();
        assertThat(provider.keySetFetches()).isEqualTo(2);
    }

    @Test
    void applyWhenKeySetOlderThanMaximumAgeThenRefetchedAndWithdrawnKeyStopsWorking() {
        ECKey old = provider.signingKey();
        keysFor(old);
        provider.rotate();
        provider.retireOldKeys();
        now = now.plus(Duration.ofMinutes(16));
        assertThat(keysFor(old)).isEmpty();
        assertThat(keysFor(provider.signingKey())).hasSize(1);
    }

    @Test
    void applyWhenKeySetStaleAndProviderDownThenKnownKeysKept() {
        keysFor(provider.signingKey());
        provider.down();
        now = now.plus(Duration.ofHours(2));
        assertThat(keysFor(provider.signingKey())).hasSize(1);
    }

    @Test
    void applyWhenProviderDownAtFirstUseThenNoKeyAndRecoversWhenBack() {
        provider.down();
        assertThat(keysFor(provider.signingKey())).isEmpty();
        provider.up();
        now = now.plusSeconds(11);
        assertThat(keysFor(provider.signingKey())).hasSize(1);
    }
}
