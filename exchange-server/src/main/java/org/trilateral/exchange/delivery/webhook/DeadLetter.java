package org.trilateral.exchange.delivery.webhook;

import java.time.Instant;
import java.util.List;

/**
 * A batch an endpoint did not accept within {@code exchange.webhooks.retry-for}, parked so that the lane could move on.
 *
 * @param from         the first position of its range
 * @param to           the end of its range (exclusive)
 * @param positions    the positions of the events it held when it was given up
 * @param attempts     how many times it was sent
 * @param firstAttempt when it first failed
 * @param lastAttempt  when it last failed
 * @param lastError    how it last failed: the endpoint's status code, or why no answer came
 */
record DeadLetter(String id, String endpointId, Lane lane, long from, long to, List<Long> positions, int attempts,
                  Instant firstAttempt, Instant lastAttempt, String lastError) {

    DeadLetter {
        positions = List.copyOf(positions);
    }

    /** The idempotency key of its deliveries, the same as when it was first sent. */
    String idempotencyKey() {
        return WebhookBatch.idempotencyKey(endpointId, lane, from, to);
    }
}
