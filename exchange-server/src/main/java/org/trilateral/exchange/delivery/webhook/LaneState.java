package org.trilateral.exchange.delivery.webhook;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where one lane of an endpoint is.
 *
 * @param cursor       the position from which events are still to be delivered
 * @param pendingTo    while a batch is failing, the end of its range (exclusive), so that it is retried unchanged
 * @param attempts     failed attempts of the pending batch
 * @param firstFailure when the pending batch first failed
 * @param nextAttempt  when the pending batch may be tried again
 * @param lastError    how the last attempt failed
 */
record LaneState(String endpointId, Lane lane, long cursor, OptionalLong pendingTo, int attempts,
                 Optional<Instant> firstFailure, Optional<Instant> nextAttempt, Optional<String> lastError) {

    /** Whether the lane may be tried at {@code now} (it is not waiting for a retry). */
    boolean due(Instant now) {
        return nextAttempt.map(at -> !at.isAfter(now)).orElse(true);
    }
}
