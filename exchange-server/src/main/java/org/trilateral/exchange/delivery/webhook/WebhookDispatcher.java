package org.trilateral.exchange.delivery.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
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
import reactor.core.publisher.Sinks;

/**
 * Delivers every endpoint's events, at least once and in position order per lane (docs/delivery.md#webhooks).
 *
 * <p>Woken whenever the log's head moves ({@link LogHead}, which hears appends by every instance), every
 * {@code retry-poll}, and when a delivery ends with endpoints still waiting for a turn, it leases the endpoints that have
 * something to deliver now and that no instance holds ({@link WebhookStore#claim}, the longest-waiting first), at most
 * {@code concurrency} at a time, so across replicas an endpoint is dispatched by one instance at a time. The claim
 * answers the endpoints as they are; their lanes and their members are read once for all of them. While it holds an
 * endpoint's lease, this instance alone moves its lanes, so it keeps them in memory: each delivery is a read of the
 * next events through {@link ChangeFeed#page} (the change feed's read, with the access package's read rule, shared by
 * the endpoints of one member at the same position), the POST, and one statement ({@link WebhookStore#commit}) that
 * moves the lane's cursor once the endpoint answered 2xx, renews the lease or gives it back when nothing more is due,
 * and says whether the member paused or deleted the endpoint meanwhile. The member is read again at least every quarter
 * of the lease. A failed batch keeps its range (and so its idempotency key) and is retried with backoff until
 * {@code retry-for} has passed since its first failure; then it is parked as a dead letter and the lane moves on.
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
    /** The log's head as this instance last heard it (-1 before the first). */
    private final AtomicLong knownHead = new AtomicLong(-1);
    /** The endpoints this instance delivers to now, and those claimed again while their session was ending. */
    private final Map<String, Session> sessions = new HashMap<>();
    private final Map<String, Session> waiting = new HashMap<>();
    private final Sinks.Many<Boolean> wakes = Sinks.many().multicast().directBestEffort();
    /** Whether the last claim took as many endpoints as there was room for (so others may be waiting). */
    private volatile boolean lastClaimFull;
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
        // true: a poll tick, which also measures the lag; false: a wake-up.
        Flux<Boolean> heads = head.heads().map(size -> {
            knownHead.accumulateAndGet(size, Math::max);
            return false;
        });
        Flux<Boolean> polls = Flux.interval(properties.retryPoll()).onBackpressureDrop().map(tick -> true);
        running = Flux.merge(heads, polls, wakes.asFlux())
                .onBackpressureLatest()
                .concatMap(poll -> cycle(poll).onErrorResume(e -> {
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

    private synchronized void wake() {
        wakes.tryEmitNext(Boolean.FALSE);
    }

    /** Claims the endpoints with work due, as many as there is room for, and starts delivering to each. */
    private Mono<Void> cycle(boolean poll) {
        long size = knownHead.get();
        if (size < 0) {
            return Mono.empty();
        }
        Mono<Void> lag = poll ? store.lag(size).doOnNext(metrics::lag).then() : Mono.empty();
        return lag.then(Mono.defer(() -> {
            int room = properties.concurrency() - active();
            if (room <= 0) {
                lastClaimFull = true;
                return Mono.empty();
            }
            Instant now = clock.instant();
            Instant until = now.plus(properties.lease());
            return store.claim(owner, now, until, size, room).collectList().flatMap(claimed -> {
                lastClaimFull = claimed.size() == room;
                if (claimed.isEmpty()) {
                    return Mono.empty();
                }
                log.debug("leased {} webhook endpoint(s) (log size {})", claimed.size(), size);
                return Mono.zip(store.lanes(claimed.stream().map(WebhookEndpoint::id).toList())
                                        .collectMultimap(LaneState::endpointId),
                                Flux.fromIterable(claimed.stream().map(WebhookEndpoint::member).distinct().toList())
                                        .concatMap(members::find).collectMap(Member::id))
                        .doOnNext(read -> {
                            for (WebhookEndpoint endpoint : claimed) {
                                launch(new Session(endpoint, read.getT2().get(endpoint.member()),
                                        read.getT1().getOrDefault(endpoint.id(), List.of()), now, until));
                            }
                        })
                        .onErrorResume(e -> Flux.fromIterable(claimed)
                                .concatMap(endpoint -> store.release(endpoint.id(), owner, clock.instant()))
                                .then(Mono.error(e)))
                        .then();
            });
        }));
    }

    private int active() {
        synchronized (sessions) {
            return sessions.size();
        }
    }

    private void launch(Session session) {
        String id = session.endpoint.id();
        synchronized (sessions) {
            if (sessions.containsKey(id)) {
                // Claimed again as its session ends (it gave the lease back): runs once that one is done.
                waiting.put(id, session);
                return;
            }
            sessions.put(id, session);
        }
        Mono.defer(() -> step(session)).repeat().takeWhile(Boolean::booleanValue).then()
                .onErrorResume(e -> {
                    log.warn("webhook dispatch to endpoint {} failed: {}", id, e.toString());
                    return Mono.empty();
                })
                .then(Mono.defer(() -> session.released ? Mono.<Void>empty()
                        : store.release(id, owner, clock.instant())))
                .onErrorResume(e -> Mono.empty())
                .doFinally(signal -> finish(session))
                .subscribe();
    }

    private void finish(Session session) {
        String id = session.endpoint.id();
        Session next;
        int left;
        synchronized (sessions) {
            sessions.remove(id, session);
            next = waiting.remove(id);
            left = sessions.size();
        }
        if (next != null) {
            launch(next);
        } else if (knownHead.get() > session.head || (lastClaimFull && left <= properties.concurrency() / 2)) {
            // The head moved after this endpoint was last looked at (a claim meanwhile skipped it, as leased), or
            // endpoints were left waiting for room: claim again now rather than at the next poll.
            wake();
        }
    }

    /**
     * One delivery, or one move past positions with nothing for the endpoint: the advisories lane if it has events
     * due, else the general lane. Answers whether to go on (false when there is nothing more due, the endpoint is no
     * longer active, or an attempt failed).
     */
    private Mono<Boolean> step(Session session) {
        Instant now = clock.instant();
        Mono<Void> member = session.member != null && now.isBefore(session.memberRead.plus(properties.lease().dividedBy(4)))
                ? Mono.empty()
                : members.find(session.endpoint.member()).map(Optional::of).defaultIfEmpty(Optional.empty())
                        .doOnNext(found -> {
                            session.member = found.orElse(null);
                            session.memberRead = now;
                        }).then();
        return member.then(Mono.defer(() -> {
            Member current = session.member;
            // A suspended or removed member gets nothing; its lanes wait where they are.
            if (current == null || !current.active()) {
                return Mono.just(false);
            }
            long size = knownHead.get();
            session.head = size;
            List<WebhookStore.LaneMove> nothingReadable = new ArrayList<>();
            Optional<LaneState> next = Optional.empty();
            Optional<ChangeSelection> nextSelection = Optional.empty();
            for (Lane lane : Lane.values()) {
                LaneState state = session.lanes.get(lane);
                if (state == null || state.cursor() >= size || !state.due(now)) {
                    continue;
                }
                Optional<ChangeSelection> selection = LaneSelection.of(session.endpoint, current, lane, collections,
                        priorityCollection);
                if (selection.isEmpty()) {
                    // The member may read none of this lane's collections now: its positions hold nothing for the
                    // endpoint, as an empty page would say; moved with the next statement rather than claimed forever.
                    if (state.pendingTo().isEmpty()) {
                        nothingReadable.add(new WebhookStore.LaneMove(lane, state.cursor(), size, false));
                    }
                } else if (next.isEmpty()) {
                    next = Optional.of(state);
                    nextSelection = selection;
                }
            }
            if (next.isEmpty()) {
                return nothingReadable.isEmpty() ? Mono.just(false)
                        : commit(session, nothingReadable, null).map(more -> false);
            }
            return deliver(session, current, next.get(), nextSelection.get(), size, nothingReadable);
        }));
    }

    private Mono<Boolean> deliver(Session session, Member member, LaneState state, ChangeSelection selection, long size,
                                  List<WebhookStore.LaneMove> alsoMoved) {
        long from = state.cursor();
        long to = state.pendingTo().orElse(size);
        return feed.page(Reader.of(member), selection, from, to, properties.eventsPerRequest()).flatMap(page -> {
            List<WebhookStore.LaneMove> moves = new ArrayList<>(alsoMoved);
            if (page.events().isEmpty()) {
                moves.add(new WebhookStore.LaneMove(state.lane(), from, page.next(), false));
                return commit(session, moves, null);
            }
            WebhookBatch batch = batch(session.endpoint.id(), state.lane(), from, page);
            return held(session).flatMap(held -> {
                if (!held) {
                    return Mono.just(false);
                }
                return Mono.fromCallable(() -> addresses.deliverable(session.endpoint.url()))
                        .flatMap(url -> sender.send(url, batch))
                        .onErrorResume(Refusal.class, refused -> Mono.just(WebhookSender.Attempt.failed(
                                "the address was refused: " + refused.getMessage())))
                        .flatMap(attempt -> {
                            if (!attempt.accepted()) {
                                return failed(session, state, batch, attempt);
                            }
                            moves.add(new WebhookStore.LaneMove(batch.lane(), batch.from(), batch.to(), true));
                            return commit(session, moves, batch);
                        });
            });
        });
    }

    /**
     * Whether this instance still holds the lease for as long as a request may take; renewed first when it would not
     * (each commit renews it, so only a lease shorter than the timeouts or a long pause needs this).
     */
    private Mono<Boolean> held(Session session) {
        Instant now = clock.instant();
        if (session.leaseUntil.isAfter(now.plus(properties.requestTimeout()).plus(properties.connectTimeout()))) {
            return Mono.just(true);
        }
        Instant until = now.plus(properties.lease());
        return store.renew(session.endpoint.id(), owner, until).doOnNext(held -> session.leaseUntil = until);
    }

    /**
     * Moves the lanes (after the accepted {@code delivered}, if any), renewing the lease, or giving it back when nothing
     * more is due; answers whether to go on.
     */
    private Mono<Boolean> commit(Session session, List<WebhookStore.LaneMove> moves, WebhookBatch delivered) {
        Map<Lane, LaneState> after = new EnumMap<>(session.lanes);
        for (WebhookStore.LaneMove move : moves) {
            after.computeIfPresent(move.lane(), (lane, state) -> state.movedTo(move.to(), move.accepted()));
        }
        long size = knownHead.get();
        Instant now = clock.instant();
        boolean more = after.values().stream().anyMatch(state -> state.cursor() < size && state.due(now));
        Instant until = now.plus(properties.lease());
        return store.commit(session.endpoint.id(), owner, moves, now, until, !more).flatMap(committed -> {
            if (committed.moved() < moves.size()) {
                // Lost the lease, or another instance moved a lane: it delivers from there.
                return Mono.just(false);
            }
            session.lanes.putAll(after);
            session.leaseUntil = until;
            session.released = !more;
            session.head = Math.max(session.head, size);
            if (delivered == null) {
                return Mono.just(more && committed.active());
            }
            metrics.delivered(delivered.lane(), delivered.events().size());
            return acknowledged.acknowledged(session.endpoint, delivered).thenReturn(more && committed.active());
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

    /** Why an endpoint whose dead letters reached the limit is suspended, as its member reads it. */
    static String suspensionReason(WebhookProperties properties) {
        return "its dead letters reached exchange.webhooks.max-dead-letters (" + properties.maxDeadLetters()
                + "): nothing is delivered, and its lanes keep their positions, until dead letters are replayed or"
                + " deleted";
    }

    private Mono<Boolean> failed(Session session, LaneState state, WebhookBatch batch, WebhookSender.Attempt attempt) {
        WebhookEndpoint endpoint = session.endpoint;
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
                    session.lanes.put(batch.lane(), state.parked(batch.to(), now, attempt.error()));
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

    /**
     * An endpoint this instance holds the lease of: the endpoint as claimed, its lanes (kept here, since no other
     * instance moves them meanwhile) and its member, read again at least every quarter of the lease.
     */
    private static final class Session {

        final WebhookEndpoint endpoint;
        final Map<Lane, LaneState> lanes = new EnumMap<>(Lane.class);
        volatile Member member;
        volatile Instant memberRead;
        volatile Instant leaseUntil;
        /** The newest head this session looked at. */
        volatile long head = -1;
        /** Whether the lease was given back by its last commit. */
        volatile boolean released;

        Session(WebhookEndpoint endpoint, Member member, Collection<LaneState> lanes, Instant read, Instant leaseUntil) {
            this.endpoint = endpoint;
            this.member = member;
            this.memberRead = read;
            this.leaseUntil = leaseUntil;
            lanes.forEach(lane -> this.lanes.put(lane.lane(), lane));
        }
    }
}
