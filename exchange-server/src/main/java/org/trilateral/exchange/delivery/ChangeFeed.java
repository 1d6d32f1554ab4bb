package org.trilateral.exchange.delivery;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;
import org.trilateral.exchange.access.AudienceCondition;
import org.trilateral.exchange.access.Reader;
import org.trilateral.exchange.collection.CollectionRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The changes one reader may see, positioned by log index: pages for polling and an endless stream for subscribers.
 * Positions are public (every leaf is, docs/transparency-log.md), and a change the reader may not read is simply not
 * there: a page or a stream skips it exactly as it skips a key event or a change of another collection.
 *
 * <p>A stream reads from the durable tables whenever the log's head moves ({@link LogHead}), so it misses nothing and
 * repeats nothing across reconnections and restarts. Subscribers of one reader that ask for the same range share one
 * read, so a thousand subscribers of a member cost one query per wake-up, not a thousand.
 */
@Component
public class ChangeFeed {

    private final ChangeStore store;
    private final LogHead head;
    private final DeliveryProperties properties;
    private final CollectionRegistry collections;
    private final Map<ReadKey, Mono<Page>> sharedReads = new ConcurrentHashMap<>();

    ChangeFeed(ChangeStore store, LogHead head, DeliveryProperties properties, CollectionRegistry collections) {
        this.store = store;
        this.head = head;
        this.properties = properties;
        this.collections = collections;
    }

    /**
     * Changes at positions from {@code from}, up to {@code to} (exclusive) or the head, at most {@code limit}.
     *
     * @param events the changes, each with its JSON (rendered once, however many subscribers share the page)
     * @param next the position to continue from: the end of the range when the page holds every change in it
     */
    public record Page(List<Rendered> events, long next) {

        public Page {
            events = List.copyOf(events);
        }
    }

    /** A change and its JSON ({@link ChangeJson#event}). */
    public record Rendered(ChangeEvent event, String json) {
    }

    /** The current head: the position after the last leaf of the log. */
    public Mono<Long> head() {
        return store.head();
    }

    /** A page of changes in {@code [from, to)}; {@code to} must not exceed the head. */
    public Mono<Page> page(Reader reader, ChangeSelection selection, long from, long to, int limit) {
        if (from >= to) {
            return Mono.just(new Page(List.of(), from));
        }
        ReadKey key = new ReadKey(reader, selection, from, to, limit);
        Mono<Page> shared = sharedReads.get(key);
        if (shared != null) {
            return shared;
        }
        Mono<Page> read = store.changes(AudienceCondition.readableBy(reader), selection, from, to, limit)
                .collectList()
                .map(events -> new Page(events.stream().map(e -> new Rendered(e, ChangeJson.event(e, collections))).toList(),
                        events.size() == limit ? events.get(events.size() - 1).position() + 1 : to))
                .doOnError(e -> sharedReads.remove(key))
                .cache(page -> properties.sharedReadTtl(), e -> java.time.Duration.ZERO, () -> properties.sharedReadTtl());
        Mono<Page> existing = sharedReads.putIfAbsent(key, read);
        if (existing != null) {
            return existing;
        }
        Mono.delay(properties.sharedReadTtl().multipliedBy(2)).subscribe(t -> sharedReads.remove(key, read));
        return read;
    }

    /**
     * What a stream delivers, in order: changes, moves of the position past ranges without changes for the reader, and
     * last the end of the stream if the subscriber falls too far behind.
     */
    sealed interface Delivery permits Change, Moved, FellBehind {

        /** The position to resume from once this is delivered. */
        long resumeFrom();
    }

    /** A change, and the position to resume from once it is delivered. */
    record Change(Rendered change, long resumeFrom) implements Delivery {
    }

    /** Every change before {@code resumeFrom} has been delivered. */
    record Moved(long resumeFrom) implements Delivery {
    }

    /** The subscriber lagged {@code behind} positions behind the head; it may resume from {@code resumeFrom}. */
    record FellBehind(long resumeFrom, long behind) implements Delivery {
    }

    /**
     * The changes from {@code from} on, without end (until the subscriber falls too far behind). Pages are read only
     * as the subscriber takes what was read, so what a subscriber holds is bounded by one page whatever its speed.
     */
    Flux<Delivery> stream(Reader reader, ChangeSelection selection, long from) {
        return Flux.defer(() -> {
            AtomicLong position = new AtomicLong(from);
            AtomicBoolean live = new AtomicBoolean(false);
            return head.heads().concatMap(h -> {
                long at = position.get();
                if (h <= at) {
                    live.set(true);
                    return Flux.<Delivery>empty();
                }
                if (live.get() && h - at > properties.maxBehind()) {
                    return Flux.<Delivery>just(new FellBehind(at, h - at));
                }
                return page(reader, selection, at, h, properties.pageSize())
                        .expand(p -> p.next() < h ? page(reader, selection, p.next(), h, properties.pageSize()) : Mono.empty())
                        .concatMap(p -> {
                            position.set(p.next());
                            return Flux.fromIterable(p.events())
                                    .<Delivery>map(rendered -> new Change(rendered, rendered.event().position() + 1))
                                    .concatWith(Mono.just(new Moved(p.next())));
                        }, 1)
                        .doOnComplete(() -> live.set(true));
            }, 1).takeUntil(delivery -> delivery instanceof FellBehind);
        });
    }

    /** A read that subscribers of the same reader share. */
    private record ReadKey(Reader reader, ChangeSelection selection, long from, long to, int limit) {
    }
}
