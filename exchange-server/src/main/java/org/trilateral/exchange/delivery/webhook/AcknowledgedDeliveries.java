package org.trilateral.exchange.delivery.webhook;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The one place where the events of a delivery an endpoint acknowledged (2xx) are known: called once per accepted
 * batch, after its lane has moved past it, by the dispatcher and by a replay. Delivery receipts (issue 13) are to be
 * recorded here; today it does nothing more than mark the place.
 */
@Component
class AcknowledgedDeliveries {

    /** The endpoint acknowledged {@code batch} (every event in it, in order). */
    Mono<Void> acknowledged(WebhookEndpoint endpoint, WebhookBatch batch) {
        return Mono.empty();
    }
}
