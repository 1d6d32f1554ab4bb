package org.trilateral.exchange.delivery.webhook;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.trilateral.exchange.access.Reader;
import org.trilateral.exchange.collection.CollectionRegistry;
import org.trilateral.exchange.delivery.ChangeFeed;
import org.trilateral.exchange.delivery.ChangeSelection;
import org.trilateral.exchange.error.Refusal;
import org.trilateral.exchange.member.Member;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sends dead letters again at the member's request, once each, now. The events are read again from the durable tables
 * for their range, through the read rule for the member as it is now: an object deleted since is told as its deletion
 * (later in its lane), and one the member may no longer read is not sent. A replay keeps the batch's idempotency key
 * and is marked {@code "replay":true}; a delivered dead letter is removed, a failed one keeps its place with the new
 * error.
 */
@Component
class DeadLetterReplay {

    private final WebhookStore store;
    private final ChangeFeed feed;
    private final CollectionRegistry collections;
    private final WebhookSender sender;
    private final EndpointAddress addresses;
    private final AcknowledgedDeliveries acknowledged;
    private final WebhookMetrics metrics;
    private final WebhookProperties properties;
    /** The advisory collection (id or alias), delivered in a lane of its own ahead of the others. */
    private final String priorityCollection;
    private final java.time.Clock clock;

    DeadLetterReplay(WebhookStore store, ChangeFeed feed, CollectionRegistry collections, WebhookSender sender,
                     EndpointAddress addresses, AcknowledgedDeliveries acknowledged, WebhookMetrics metrics,
                     WebhookProperties properties,
                     org.trilateral.exchange.advisory.AdvisoryProperties advisories, java.time.Clock clock) {
        this.store = store;
        this.feed = feed;
        this.collections = collections;
        this.sender = sender;
        this.addresses = addresses;
        this.acknowledged = acknowledged;
        this.metrics = metrics;
        this.properties = properties;
        this.priorityCollection = advisories.collection();
        this.clock = clock;
    }

    /** How replaying one dead letter went. */
    record Outcome(DeadLetter letter, boolean delivered, int events, String error) {
    }

    /** Replays {@code letters} in order, stopping after the first the endpoint does not accept. */
    Flux<Outcome> replay(WebhookEndpoint endpoint, Member member, List<DeadLetter> letters) {
        return Flux.fromIterable(letters)
                .concatMap(letter -> replay(endpoint, member, letter), 1)
                .takeUntil(outcome -> !outcome.delivered());
    }

    private Mono<Outcome> replay(WebhookEndpoint endpoint, Member member, DeadLetter letter) {
        Optional<ChangeSelection> selection = LaneSelection.of(endpoint, member, letter.lane(), collections,
                priorityCollection);
        Mono<List<ChangeFeed.Rendered>> events = selection.isEmpty() ? Mono.just(List.of())
                : feed.pageNow(Reader.of(member), selection.get(), letter.from(), letter.to(),
                        Math.max(properties.eventsPerRequest(), letter.positions().size())).map(ChangeFeed.Page::events);
        return events.flatMap(list -> {
            WebhookBatch batch = new WebhookBatch(endpoint.id(), letter.lane(), letter.from(), letter.to(), list, true);
            return Mono.fromCallable(() -> addresses.deliverable(endpoint.url()))
                    .flatMap(url -> sender.send(url, batch))
                    .onErrorResume(Refusal.class, refused -> Mono.just(WebhookSender.Attempt.failed(
                            "the address was refused: " + refused.getMessage())))
                    .flatMap(attempt -> {
                        metrics.replayed(attempt.accepted());
                        if (attempt.accepted()) {
                            return store.removeDeadLetter(letter.id())
                                    .then(acknowledged.acknowledged(endpoint, batch))
                                    .thenReturn(new Outcome(letter, true, list.size(), ""));
                        }
                        return store.replayFailed(letter.id(), clock.instant(), attempt.error())
                                .thenReturn(new Outcome(letter, false, list.size(), attempt.error()));
                    });
        });
    }
}
