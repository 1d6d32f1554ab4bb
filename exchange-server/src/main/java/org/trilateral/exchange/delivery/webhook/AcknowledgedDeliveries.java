package org.trilateral.exchange.delivery.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.trilateral.exchange.advisory.AdvisoryCollection;
import org.trilateral.exchange.advisory.AdvisoryProperties;
import org.trilateral.exchange.advisory.AdvisoryReceipts;
import org.trilateral.exchange.advisory.ReceiptChannel;
import org.trilateral.exchange.collection.CollectionRegistry;
import org.trilateral.exchange.collection.TaxiiCollection;
import org.trilateral.exchange.delivery.ChangeEvent;
import org.trilateral.exchange.delivery.ChangeFeed;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The one place where the events of a delivery an endpoint acknowledged (2xx) are known: called once per accepted
 * batch, after its lane has moved past it, by the dispatcher and by a replay. Each advisory in it (a report of the
 * advisory collection, added or revoked) gets the member's system receipt by {@code webhook} (docs/delivery.md,
 * "Receipts"), through {@link AdvisoryReceipts}, which records it only for a version the member may read.
 */
@Component
class AcknowledgedDeliveries {

    private static final Logger log = LoggerFactory.getLogger(AcknowledgedDeliveries.class);

    private final AdvisoryReceipts receipts;
    private final Optional<String> advisoryCollectionId;
    private final Clock clock;

    AcknowledgedDeliveries(AdvisoryReceipts receipts, CollectionRegistry collections, AdvisoryProperties advisories,
                           Clock clock) {
        this.receipts = receipts;
        this.advisoryCollectionId = AdvisoryCollection.find(collections, advisories).map(TaxiiCollection::id);
        this.clock = clock;
    }

    /** The endpoint acknowledged {@code batch} (every event in it, in order). */
    Mono<Void> acknowledged(WebhookEndpoint endpoint, WebhookBatch batch) {
        if (advisoryCollectionId.isEmpty()) {
            return Mono.empty();
        }
        Instant at = clock.instant();
        return Flux.fromIterable(batch.events())
                .map(ChangeFeed.Rendered::event)
                .filter(this::isAdvisory)
                .concatMap(event -> receipts.systemReceived(endpoint.member(), event.id(), event.version(),
                        ReceiptChannel.WEBHOOK, at))
                // The delivery is done and its lane has moved: a receipt that could not be written is logged, not
                // retried by delivering again.
                .onErrorResume(e -> {
                    log.warn("could not record the webhook receipts of endpoint {} for positions [{}, {}): {}",
                            endpoint.id(), batch.from(), batch.to(), e.toString());
                    return Mono.empty();
                })
                .then();
    }

    private boolean isAdvisory(ChangeEvent event) {
        return event.collectionId().equals(advisoryCollectionId.get()) && "report".equals(event.type())
                && event.object().isPresent();
    }
}
