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

    /** The lane once moved to {@code to}, as {@link WebhookStore#commit} leaves it. */
    LaneState movedTo(long to, boolean accepted) {
        return new LaneState(endpointId, lane, to, OptionalLong.empty(), 0, accepted ? Optional.empty() : firstFailure,
                Optional.empty(), accepted ? Optional.empty() : lastError);
    }

    /** The lane once its pending batch was parked, as {@link WebhookStore#deadLetter} leaves it. */
    LaneState parked(long to, Instant first, String error) {
        return new LaneState(endpointId, lane, to, OptionalLong.empty(), 0, Optional.of(firstFailure.orElse(first)),
                Optional.empty(), Optional.of(error));
    }
}
