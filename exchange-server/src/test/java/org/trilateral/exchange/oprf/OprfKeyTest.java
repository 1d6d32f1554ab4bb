package org.trilateral.exchange.oprf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.trilateral.integrity.oprf.OprfKeyPair;
import org.trilateral.integrity.oprf.ScalarSource;
import org.trilateral.taxonomy.persona.KeyEpoch;

class OprfKeyTest {

    private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration GRACE = Duration.ofDays(30);

    private static OprfKey key(Instant retired) {
        return new OprfKey(new KeyEpoch(1), OprfKeyPair.generate(ScalarSource.secure()), CREATED, retired);
    }

    @Test
    void answeredAtWhenCurrentThenAlways() {
        assertThat(key(null).answeredAt(CREATED.plus(Duration.ofDays(3650)), GRACE)).isTrue();
        assertThat(key(null).answeredUntil(GRACE)).isNull();
    }

    @Test
    void answeredAtWhenRetiredThenUntilTheGracePeriodEnds() {
        Instant retired = CREATED.plus(Duration.ofDays(100));
        OprfKey key = key(retired);
        assertThat(key.answeredAt(retired.plus(GRACE).minusSeconds(1), GRACE)).isTrue();
        assertThat(key.answeredAt(retired.plus(GRACE), GRACE)).isFalse();
        assertThat(key.answeredUntil(GRACE)).isEqualTo(retired.plus(GRACE));
    }

    @Test
    void toStringWhenPrintedThenNoPrivateKey() {
        OprfKey key = key(null);
        String secret = java.util.HexFormat.of().formatHex(key.keyPair().privateKey().serialize());
        assertThat(key.toString()).contains(key.keyPair().publicKey().toString()).doesNotContain(secret);
    }

    @Test
    void propertiesWhenOneRequestCouldNeverFitTheQuotaThenRefused() {
        assertThatThrownBy(() -> new OprfProperties(new OprfProperties.Quota(10, 100), GRACE, 11))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max-elements");
        assertThat(new OprfProperties(new OprfProperties.Quota(10, 100), GRACE, 10).maxElements()).isEqualTo(10);
    }
}
