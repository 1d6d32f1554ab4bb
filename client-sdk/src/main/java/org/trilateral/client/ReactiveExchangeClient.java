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
     * When the client has a trust policy, each change is verified against the log ({@link ExchangeClient#verify(ChangeEvent)}):
     * an added or revoked object as {@link ExchangeClient#verify(JsonNode, String)} does, a deletion by its tombstone's
     * opening; apply only what {@link ChangeEvent#applicable()}. Advisories come ahead of other traffic; unless the
     * client was built with {@code acknowledgeAdvisories(false)}, each verified advisory report is acknowledged as
     * received by this system ({@code POST /advisories/{id}/receipts}, channel {@code stream}). Ends with an error only for refusals a reconnection cannot cure (authentication,
     * permission, an invalid request); cancelling closes the connection.
     */
    public Flux<ChangeEvent> subscribe(SubscribeRequest request) {
        return Flux.using(() -> client.subscribe(request),
                        subscription -> Flux.fromIterable(() -> subscription),
                        org.trilateral.client.internal.ChangeSubscription::close)
                .map(change -> ChangeEvent.parse(change.data(), change.resumeFrom(), change.resumeId()))
                .map(client::verify)
                .doOnNext(event -> {
                    if (client.acknowledgesAdvisories() && event.advisory() && event.object().isPresent()
                            && event.verification().map(VerificationResult::ok).orElse(false)) {
                        client.acknowledgeReceivedQuietly(event.id(), event.version(), "stream");
                    }
                })
                .subscribeOn(scheduler);
    }

    /**
     * The advisories among the changes of {@code request} (which should include the advisory collection), each read
     * whole ({@link ExchangeClient#advisory(String)}: the report and the objects it references that the member may
     * read) once its report's change is verified.
     */
    public Flux<Advisory> advisories(SubscribeRequest request) {
        return subscribe(request)
                .filter(event -> event.advisory() && event.object().isPresent() && event.applicable())
                .map(event -> client.advisory(event.id(), "stream"));
    }

    /** {@link ExchangeClient#advisories(int)}: the newest advisories the member may read. */
    public Flux<Advisory.Summary> advisories(int limit) {
        return Mono.fromCallable(() -> client.advisories(limit)).subscribeOn(scheduler).flatMapIterable(list -> list);
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
