package org.trilateral.exchange.delivery.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.trilateral.exchange.access.Reader;
import org.trilateral.exchange.collection.CollectionRegistry;
import org.trilateral.exchange.delivery.ChangeFeed;
import org.trilateral.exchange.delivery.ChangeSelection;
import org.trilateral.exchange.delivery.LogHead;
import org.trilateral.exchange.error.Refusal;
import org.trilateral.exchange.member.Member;
import org.trilateral.exchange.member.MemberStore;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Delivers every endpoint's events, at least once and in position order per lane (docs/delivery.md#webhooks).
 *
 * <p>Woken whenever the log's head moves ({@link LogHead}, which hears appends by every instance) and every
 * {@code retry-poll}, it leases the endpoints that have something to deliver now and that no instance holds
 * ({@link WebhookStore#claim}), at most {@code concurrency} at a time, so across replicas an endpoint is dispatched by
 * one instance at a time. For each, it reads the member again and the next events of its lanes through
 * {@link ChangeFeed#page} (the change feed's read, with the access package's read rule, for the member as it is now),
 * advisories first, POSTs them, and moves the lane's cursor only once the endpoint answered 2xx. A failed batch keeps
 * its range (and so its idempotency key) and is retried with backoff until {@code retry-for} has passed since its first
 * failure; then it is parked as a dead letter and the lane moves on.
 */
@Component
class WebhookDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final WebhookStore store;
    private final ChangeFeed feed;
    private final LogHead head;
    private final MemberStore members;
    private final CollectionRegistry collections;
    private final WebhookSender sender;
    private final EndpointAddress addresses;
    private final AcknowledgedDeliveries acknowledged;
    private final WebhookMetrics metrics;
    private final WebhookProperties properties;
    /** The advisory collection (id or alias), delivered in a lane of its own ahead of the others. */
    private final String priorityCollection;
    private final Clock clock;
    private final RetryBackoff backoff;
    private final DoubleSupplier random;
    private final String owner = "instance-" + UUID.randomUUID();
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private volatile Disposable running;

    WebhookDispatcher(WebhookStore store, ChangeFeed feed, LogHead head, MemberStore members,
                      CollectionRegistry collections, WebhookSender sender, EndpointAddress addresses,
                      AcknowledgedDeliveries acknowledged, WebhookMetrics metrics, WebhookProperties properties,
                      org.trilateral.exchange.advisory.AdvisoryProperties advisories,
                      Clock clock) {
        this.store = store;
        this.feed = feed;
        this.head = head;
        this.members = members;
        this.collections = collections;
        this.sender = sender;
        this.addresses = addresses;
        this.acknowledged = acknowledged;
        this.metrics = metrics;
        this.properties = properties;
        this.priorityCollection = advisories.collection();
        this.clock = clock;
        this.backoff = RetryBackoff.of(properties);
        this.random = () -> ThreadLocalRandom.current().nextDouble();
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            return;
        }
        running = Flux.merge(head.heads().map(h -> 0L), Flux.interval(properties.retryPoll()).onBackpressureDrop())
                .onBackpressureLatest()
                .concatMap(wake -> cycle().onErrorResume(e -> {
                    log.warn("webhook dispatch could not claim endpoints: {}", e.toString());
                    return Mono.empty();
                }), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable r = running;
        if (r != null) {
            r.dispose();
        }
        running = null;
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }

    /** Claims the endpoints with work due, as many as there is room for, and starts delivering to each. */
    private Mono<Void> cycle() {
        return feed.head().flatMap(size -> store.lag(size).doOnNext(metrics::lag).then(Mono.defer(() -> {
            int room = properties.concurrency() - inFlight.size();
            if (room <= 0) {
                return Mono.empty();
            }
            Instant now = clock.instant();
            return store.claim(owner, now, now.plus(properties.lease()), size, room)
                    .doOnNext(id -> log.debug("leased webhook endpoint {} (log size {})", id, size))
                    .doOnNext(this::launch).then();
        })));
    }

    private void launch(String endpointId) {
        if (!inFlight.add(endpointId)) {
            return;
        }
        Mono.defer(() -> step(endpointId)).repeat().takeWhile(Boolean::booleanValue).then()
                .onErrorResume(e -> {
                    log.warn("webhook dispatch to endpoint {} failed: {}", endpointId, e.toString());
                    return Mono.empty();
                })
                // Out of the in-flight set before the lease is given back: a cycle that claims the endpoint again at
                // once must be able to launch it, or the endpoint would stay leased, with nothing delivering to it.
                .then(Mono.defer(() -> {
                    inFlight.remove(endpointId);
                    return store.release(endpointId, owner);
                }))
                .onErrorResume(e -> Mono.empty())
                .doFinally(signal -> inFlight.remove(endpointId))
                .subscribe();
    }

    /**
     * One delivery, or one move past positions with nothing for the endpoint: the advisories lane if it has events
     * due, else the general lane. Answers whether to go on (false when there is nothing due or an attempt failed).
     */
    private Mono<Boolean> step(String endpointId) {
        return store.find(endpointId).flatMap(endpoint -> {
            if (!endpoint.active()) {
                return Mono.just(false);
            }
            return Mono.zip(members.find(endpoint.member()).map(Optional::of).defaultIfEmpty(Optional.empty()),
                    store.lanes(endpointId).collectList(), feed.head()).flatMap(read -> {
                Optional<Member> member = read.getT1();
                // A suspended or removed member gets nothing; its lanes wait where they are.
                if (member.isEmpty() || !member.get().active()) {
                    return Mono.just(false);
                }
                Instant now = clock.instant();
                for (Lane lane : Lane.values()) {
                    Optional<LaneState> state = read.getT2().stream().filter(s -> s.lane() == lane).findFirst();
                    Optional<ChangeSelection> selection = LaneSelection.of(endpoint, member.get(), lane, collections,
                            priorityCollection);
                    if (state.isPresent() && selection.isPresent() && state.get().cursor() < read.getT3()
                            && state.get().due(now)) {
                        return deliver(endpoint, member.get(), state.get(), selection.get(), read.getT3());
                    }
                }
                return Mono.just(false);
            });
        }).defaultIfEmpty(false);
    }

    private Mono<Boolean> deliver(WebhookEndpoint endpoint, Member member, LaneState state, ChangeSelection selection,
                                  long size) {
        long from = state.cursor();
        long to = state.pendingTo().orElse(size);
        return feed.page(Reader.of(member), selection, from, to, properties.eventsPerRequest()).flatMap(page -> {
            if (page.events().isEmpty()) {
                return store.advance(endpoint.id(), state.lane(), from, page.next(), false);
            }
            WebhookBatch batch = batch(endpoint.id(), state.lane(), from, page);
            Instant now = clock.instant();
            return store.renew(endpoint.id(), owner, now.plus(properties.lease())).flatMap(held -> {
                if (!held) {
                    return Mono.just(false);
                }
                return Mono.fromCallable(() -> addresses.deliverable(endpoint.url()))
                        .flatMap(url -> sender.send(url, batch))
                        .onErrorResume(Refusal.class, refused -> Mono.just(WebhookSender.Attempt.failed(
                                "the address was refused: " + refused.getMessage())))
                        .flatMap(attempt -> attempt.accepted() ? accepted(endpoint, batch)
                                : failed(endpoint, state, batch, attempt));
            });
        });
    }

    /** At most {@code events-per-request} events (the page) and {@code max-body-bytes} of them, but at least one. */
    private WebhookBatch batch(String endpointId, Lane lane, long from, ChangeFeed.Page page) {
        List<ChangeFeed.Rendered> kept = new ArrayList<>();
        long bytes = 0;
        for (ChangeFeed.Rendered event : page.events()) {
            bytes += event.json().getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 1;
            if (!kept.isEmpty() && bytes > properties.maxBodyBytes()) {
                break;
            }
            kept.add(event);
        }
        long to = kept.size() < page.events().size() ? kept.get(kept.size() - 1).event().position() + 1 : page.next();
        return new WebhookBatch(endpointId, lane, from, to, kept, false);
    }

    private Mono<Boolean> accepted(WebhookEndpoint endpoint, WebhookBatch batch) {
        return store.advance(endpoint.id(), batch.lane(), batch.from(), batch.to(), true).flatMap(moved -> {
            if (!moved) {
                return Mono.just(false);
            }
            metrics.delivered(batch.lane(), batch.events().size());
            return acknowledged.acknowledged(endpoint, batch).thenReturn(true);
        });
    }

    /** Why an endpoint whose dead letters reached the limit is suspended, as its member reads it. */
    static String suspensionReason(WebhookProperties properties) {
        return "its dead letters reached exchange.webhooks.max-dead-letters (" + properties.maxDeadLetters()
                + "): nothing is delivered, and its lanes keep their positions, until dead letters are replayed or"
                + " deleted";
    }

    private Mono<Boolean> failed(WebhookEndpoint endpoint, LaneState state, WebhookBatch batch,
                                 WebhookSender.Attempt attempt) {
        metrics.failed(batch.lane(), attempt.status());
        Instant now = clock.instant();
        log.debug("webhook endpoint {} did not accept positions [{}, {}) of lane {}: {}", endpoint.id(), batch.from(),
                batch.to(), batch.lane().value(), attempt.error());
        boolean samePending = state.pendingTo().isPresent() && state.pendingTo().getAsLong() == batch.to();
        int attempts = (samePending ? state.attempts() : 0) + 1;
        // The lane has been failing since its first failure after the last accepted delivery, whichever batch that was.
        Instant first = state.firstFailure().orElse(now);
        if (!now.isBefore(first.plus(properties.retryFor()))) {
            DeadLetter letter = new DeadLetter(UUID.randomUUID().toString(), endpoint.id(), batch.lane(), batch.from(),
                    batch.to(), batch.positions(), attempts, samePending ? first : now, now, attempt.error());
            log.info("webhook endpoint {} did not accept positions [{}, {}) of lane {} in {}: parked as dead letter {}"
                    + " ({})", endpoint.id(), batch.from(), batch.to(), batch.lane().value(), properties.retryFor(),
                    letter.id(), attempt.error());
            return store.deadLetter(letter, properties.maxDeadLetters(), suspensionReason(properties)).map(parked -> {
                if (parked.parked()) {
                    metrics.deadLettered(batch.lane());
                }
                if (parked.suspended()) {
                    metrics.suspended();
                    log.warn("webhook endpoint {} has {} dead letters (exchange.webhooks.max-dead-letters): suspended"
                            + " until its member replays or deletes them", endpoint.id(), properties.maxDeadLetters());
                }
                return parked.parked() && !parked.suspended();
            });
        }
        Duration wait = attempt.retryAfter().map(backoff::honour)
                .orElseGet(() -> backoff.delay(attempts, random.getAsDouble()));
        metrics.retryScheduled(batch.lane());
        return store.failed(endpoint.id(), batch.lane(), batch.from(), batch.to(), attempts, first, now.plus(wait),
                attempt.error()).thenReturn(false);
    }
}
