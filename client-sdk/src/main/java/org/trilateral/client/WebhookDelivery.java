package org.trilateral.client;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A verified webhook delivery (docs/delivery.md#webhooks).
 *
 * @param endpoint       the endpoint's id, as registered with {@code POST /webhooks}
 * @param idempotencyKey the same for every attempt and replay of this batch: a receiver that keeps the keys it has
 *                       handled drops a repeated delivery (deliveries are at least once)
 * @param lane           {@code advisories} or {@code general}: each lane is delivered in position order
 * @param from           the first position of the batch's range
 * @param next           the position the lane continues from once this delivery is accepted
 * @param replay         whether it is a dead letter sent again at the member's request (out of its lane's order)
 * @param signedAt       when the exchange signed it
 * @param events         the changes, in position order, parsed and (with a client) verified as {@code subscribe} does
 */
public record WebhookDelivery(String endpoint, String idempotencyKey, String lane, long from, long next, boolean replay,
                              Instant signedAt, List<ChangeEvent> events) {

    public WebhookDelivery {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(lane, "lane");
        Objects.requireNonNull(signedAt, "signedAt");
        events = List.copyOf(events);
    }
}
