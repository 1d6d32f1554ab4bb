package org.trilateral.client;

import java.util.List;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

/**
 * The {@link ExchangeClient}'s operations as Reactor types, for reactive callers. The HTTP calls and signature
 * checks run on Reactor's bounded elastic scheduler, never on the caller's event loop. Nothing happens until
 * subscription; each subscription repeats the operation. Thread-safe.
 */
public final class ReactiveExchangeClient {

    private final ExchangeClient client;
    private final Scheduler scheduler = Schedulers.boundedElastic();

    ReactiveExchangeClient(ExchangeClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /** {@link ExchangeClient#publish}: one result per object, emitted when the publication completes. */
    public Flux<ObjectResult> publish(String collection, List<? extends JsonNode> objects) {
        return Mono.fromCallable(() -> client.publish(collection, objects))
                .subscribeOn(scheduler)
                .flatMapIterable(PublishResult::results);
    }

    /**
     * {@link ExchangeClient#poll}: objects as they are paged in, with backpressure; the cursor is saved after each
     * page whose objects were all delivered.
     */
    public Flux<ReceivedObject> poll(PollRequest request) {
        return Flux.defer(() -> Flux.fromIterable(client.poll(request))).subscribeOn(scheduler);
    }

    /**
     * The changes the member may read, live and without end (docs/delivery.md): reconnects and resumes by itself after a
     * failure, from the cursor when the request names one (saved once the subscriber has taken the change after it).
     * Each added or revoked object is verified against the log as {@link ExchangeClient#verify(JsonNode, String)} does
     * when the client has a trust policy; a deletion carries no object, only the id and version to drop. Ends with an
     * error only for refusals a reconnection cannot cure (authentication, permission, an invalid request); cancelling
     * closes the connection.
     */
    public Flux<ChangeEvent> subscribe(SubscribeRequest request) {
        boolean verify = client.log().isPresent();
        return Flux.using(() -> client.subscribe(request),
                        subscription -> Flux.fromIterable(() -> subscription),
                        org.trilateral.client.internal.ChangeSubscription::close)
                .map(change -> ChangeEvent.parse(change.data(), change.resumeFrom()))
                .map(event -> verify && event.object().isPresent()
                        ? event.withVerification(client.verify(event.object().get(), event.collection()))
                        : event)
                .subscribeOn(scheduler);
    }

    /** {@link ExchangeClient#verify} for one object. */
    public Mono<VerificationResult> verify(JsonNode object) {
        return Mono.fromCallable(() -> client.verify(object)).subscribeOn(scheduler);
    }

    /** Verifies each object of {@code objects} as it arrives: one result per object, in order. */
    public Flux<VerificationResult> verify(Flux<? extends JsonNode> objects) {
        return objects.publishOn(scheduler).map(client::verify);
    }

    /** {@link ExchangeClient#checkAccess}. */
    public Mono<ApiRootInfo> checkAccess() {
        return Mono.fromCallable(client::checkAccess).subscribeOn(scheduler);
    }
}
