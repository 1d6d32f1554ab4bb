package org.trilateral.exchange.oprf;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.trilateral.integrity.oprf.OprfKeyPair;
import org.trilateral.taxonomy.persona.KeyEpoch;

/**
 * The exchange's persona-token key of one epoch.
 *
 * @param retired when the next epoch became current, null while this one is
 */
record OprfKey(KeyEpoch epoch, OprfKeyPair keyPair, Instant created, Instant retired) {

    OprfKey {
        Objects.requireNonNull(epoch, "epoch");
        Objects.requireNonNull(keyPair, "keyPair");
        Objects.requireNonNull(created, "created");
    }

    /** Whether the exchange still evaluates under this key at {@code now}. */
    boolean answeredAt(Instant now, Duration gracePeriod) {
        return retired == null || now.isBefore(retired.plus(gracePeriod));
    }

    /** The end of the grace period, or null while current. */
    Instant answeredUntil(Duration gracePeriod) {
        return retired == null ? null : retired.plus(gracePeriod);
    }

    @Override
    public String toString() {
        return "OprfKey[epoch " + epoch + ", " + keyPair + "]";
    }
}
