package org.trilateral.exchange.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;
import org.trilateral.exchange.access.AudienceCondition;
import org.trilateral.exchange.access.Reader;
import org.trilateral.exchange.advisory.AdvisoryCollection;
import org.trilateral.exchange.advisory.AdvisoryProperties;
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
    private final String advisoryCollectionId;
    private final Map<ReadKey, Mono<Page>> sharedReads = new ConcurrentHashMap<>();

    ChangeFeed(ChangeStore store, LogHead head, DeliveryProperties properties, CollectionRegistry collections,
               AdvisoryProperties advisories) {
        this.store = store;
        this.head = head;
        this.properties = properties;
        this.collections = collections;
        // Null without an advisory collection: then no stream has an advisory lane.
        this.advisoryCollectionId = AdvisoryCollection.find(collections, advisories).map(c -> c.id()).orElse(null);
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

    /**
     * A change, its JSON ({@link ChangeJson#event}) and its server-sent-event frame with the usual id (the position
     * after it), both made once however many subscribers share the page.
     */
    public record Rendered(ChangeEvent event, String json, byte[] frame) {

        static Rendered of(ChangeEvent event, String json) {
            return new Rendered(event, json, SseFrames.event(Long.toString(event.position() + 1), event.kind().value(), json));
        }

        /** The frame of this change with {@code id}: the shared one when it is the usual id. */
        byte[] frameWithId(String id) {
            return id.equals(Long.toString(event.position() + 1)) ? frame : SseFrames.event(id, event.kind().value(), json);
        }
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
        Mono<Page> read = read(reader, selection, from, to, limit)
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
     * A page of changes in {@code [from, to)} read now, never one shared with other readers: for a replay, which must
     * not send what was deleted or became unreadable a moment ago.
     */
    public Mono<Page> pageNow(Reader reader, ChangeSelection selection, long from, long to, int limit) {
        return from >= to ? Mono.just(new Page(List.of(), from)) : read(reader, selection, from, to, limit);
    }

    private Mono<Page> read(Reader reader, ChangeSelection selection, long from, long to, int limit) {
        return store.changes(AudienceCondition.readableBy(reader), selection, from, to, limit)
                .collectList()
                .map(events -> new Page(events.stream().map(e -> Rendered.of(e, ChangeJson.event(e, collections))).toList(),
                        events.size() == limit ? events.get(events.size() - 1).position() + 1 : to));
    }

    /**
     * What a stream delivers, in order: changes, moves of the position past ranges without changes for the reader, and
     * last the end of the stream if the subscriber falls too far behind.
     */
    sealed interface Delivery permits Change, Moved, FellBehind {

        /** The position to resume from once this is delivered. */
        StreamPosition resumeFrom();
    }

    /** A change, and the position to resume from once it is delivered. */
    record Change(Rendered change, StreamPosition resumeFrom) implements Delivery {
    }

    /** Every change before {@code resumeFrom} has been delivered. */
    record Moved(StreamPosition resumeFrom) implements Delivery {
    }

    /** The subscriber lagged {@code behind} positions behind the head; it may resume from {@code resumeFrom}. */
    record FellBehind(StreamPosition resumeFrom, long behind) implements Delivery {
    }

    /**
     * The changes from {@code from} on, without end (until the subscriber falls too far behind). Pages are read only
     * as the subscriber takes what was read, so what a subscriber holds is bounded by two pages whatever its speed.
     *
     * <p>When the selection holds the advisory collection and others, the advisory collection is a lane of its own,
     * read first: before each page of the other collections, the advisory changes up to the newest head known are
     * read and delivered, so an advisory published behind a backlog overtakes it. Each lane keeps its own position
     * ({@link StreamPosition}), so a reconnection resumes both exactly.
     */
    Flux<Delivery> stream(Reader reader, ChangeSelection selection, StreamPosition from) {
        Optional<ChangeSelection> advisoryLane = advisoryCollectionId != null && selection.collectionIds().size() > 1
                ? selection.only(advisoryCollectionId) : Optional.empty();
        ChangeSelection mainLane = advisoryLane.isPresent() ? selection.without(advisoryCollectionId) : selection;
        return Flux.defer(() -> {
            Lanes lanes = new Lanes(reader, mainLane, advisoryLane, new AtomicLong(from.main()),
                    new AtomicLong(advisoryLane.isPresent() ? from.advisory() : from.main()));
            AtomicBoolean live = new AtomicBoolean(false);
            return head.heads().concatMap(h -> {
                long at = lanes.main.get();
                boolean advisoriesPending = advisoryLane.isPresent() && lanes.advisory.get() < h;
                if (h <= at && !advisoriesPending) {
                    live.set(true);
                    return Flux.<Delivery>empty();
                }
                if (live.get() && h - at > properties.maxBehind()) {
                    return Flux.<Delivery>just(new FellBehind(lanes.position(at), h - at));
                }
                return lanes.step(at, h)
                        .expand(step -> step.more() ? lanes.step(step.next(), h) : Mono.empty())
                        .concatMap(step -> Flux.fromIterable(step.deliveries()), 1)
                        .doOnComplete(() -> live.set(true));
            }, 1).takeUntil(delivery -> delivery instanceof FellBehind);
        });
    }

    /** One stream's lanes and their positions: where the next read of each starts. */
    private final class Lanes {

        private final Reader reader;
        private final ChangeSelection mainLane;
        private final Optional<ChangeSelection> advisoryLane;
        private final AtomicLong main;
        private final AtomicLong advisory;

        Lanes(Reader reader, ChangeSelection mainLane, Optional<ChangeSelection> advisoryLane, AtomicLong main,
              AtomicLong advisory) {
            this.reader = reader;
            this.mainLane = mainLane;
            this.advisoryLane = advisoryLane;
            this.main = main;
            this.advisory = advisory;
        }

        /** The position with the main lane at {@code at}. */
        StreamPosition position(long at) {
            return advisoryLane.isPresent() ? new StreamPosition(at, advisory.get()) : StreamPosition.at(at);
        }

        /**
         * A page of pending advisories (up to the newest head known), then a page of the main lane from {@code at}
         * up to {@code h}; {@code more} when either lane has more before its end.
         */
        Mono<Step> step(long at, long h) {
            if (advisoryLane.isEmpty()) {
                return mainPage(at, h, new ArrayList<>(), false);
            }
            long top = Math.max(h, head.latest());
            return page(reader, advisoryLane.get(), advisory.get(), top, properties.pageSize()).flatMap(advisories -> {
                advisory.set(advisories.next());
                List<Delivery> out = new ArrayList<>(advisories.events().size() + 1);
                for (Rendered rendered : advisories.events()) {
                    out.add(new Change(rendered, new StreamPosition(at, rendered.event().position() + 1)));
                }
                return mainPage(at, h, out, advisories.next() < top);
            });
        }

        private Mono<Step> mainPage(long at, long h, List<Delivery> out, boolean advisoriesMore) {
            if (at >= h) {
                out.add(new Moved(position(at)));
                return Mono.just(new Step(out, at, advisoriesMore));
            }
            return page(reader, mainLane, at, h, properties.pageSize()).map(page -> {
                main.set(page.next());
                for (Rendered rendered : page.events()) {
                    out.add(new Change(rendered, position(rendered.event().position() + 1)));
                }
                out.add(new Moved(position(page.next())));
                return new Step(out, page.next(), advisoriesMore || page.next() < h);
            });
        }
    }

    /** What one step of a stream read: its deliveries, where the main lane continues, whether there is more. */
    private record Step(List<Delivery> deliveries, long next, boolean more) {
    }

    /** A read that subscribers of the same reader share. */
    private record ReadKey(Reader reader, ChangeSelection selection, long from, long to, int limit) {
    }
}
