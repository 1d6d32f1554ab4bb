package org.trilateral.exchange.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.BodyInserter;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.trilateral.exchange.access.Reader;
import org.trilateral.exchange.collection.CollectionRegistry;
import org.trilateral.exchange.error.Refusal;
import org.trilateral.exchange.member.Member;
import org.trilateral.exchange.member.MemberStatus;
import org.trilateral.exchange.member.MemberStore;
import org.trilateral.exchange.member.PathMember;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * {@code GET /changes} (a page of changes, for polling) and {@code GET /changes/stream} (server-sent events), across
 * every collection the member may read or in the one named by {@code collection} (docs/delivery.md).
 */
@Component
class ChangeHandler {

    private final ChangeFeed feed;
    private final CollectionRegistry collections;
    private final DeliveryProperties properties;
    private final MemberStore members;

    ChangeHandler(ChangeFeed feed, CollectionRegistry collections, DeliveryProperties properties, MemberStore members) {
        this.feed = feed;
        this.collections = collections;
        this.properties = properties;
        this.members = members;
    }

    Mono<ServerResponse> page(ServerRequest request) {
        return PathMember.acting(request).flatMap(member -> {
            ChangeRequest changes = parse(request, member);
            return feed.head().flatMap(head -> {
                long from = changes.from().orElse(0);
                long to = changes.to().orElse(head);
                if (to > head) {
                    return Mono.error(Refusal.invalid("to", "to (" + to + ") is larger than the log (size " + head + ")"));
                }
                if (from > to) {
                    return Mono.error(Refusal.invalid("from", "from (" + from + ") is larger than to (" + to + ")"));
                }
                return feed.page(Reader.of(member), changes.selection(), from, to, changes.limit())
                        .flatMap(page -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                                .cacheControl(CacheControl.noStore())
                                .bodyValue(ChangeJson.page(page.events().stream().map(ChangeFeed.Rendered::json).toList(),
                                        page.next(), page.next() < to)));
            });
        });
    }

    Mono<ServerResponse> stream(ServerRequest request) {
        return PathMember.acting(request).flatMap(member -> {
            ChangeRequest changes = parse(request, member);
            return feed.head().flatMap(head -> {
                long from = changes.from().orElse(head);
                long advisoryFrom = changes.advisoryFrom().orElse(from);
                if (from > head || advisoryFrom > head) {
                    String name = changes.advisoryFrom().isPresent() ? "Last-Event-ID" : "from";
                    return Mono.error(Refusal.invalid(name, name + " (" + new StreamPosition(from, advisoryFrom).id()
                            + ") is larger than the log (size " + head + ")"));
                }
                return ServerResponse.ok().contentType(MediaType.TEXT_EVENT_STREAM)
                        .cacheControl(CacheControl.noStore())
                        .body(frames(events(member, changes, new StreamPosition(from, advisoryFrom))));
            });
        });
    }

    /**
     * The stream's events: {@code ready}, then each change with the position to resume from as its {@code id}, a
     * heartbeat (a comment with that id) when idle, and {@code closed} with the reason if the subscriber falls behind.
     * Each element is what one write carries before it is flushed: the changes of one page together (one write per
     * page and subscriber, not one per change), or one heartbeat or end.
     */
    private Flux<List<byte[]>> events(Member member, ChangeRequest changes, StreamPosition from) {
        return Flux.defer(() -> {
            Sinks.Empty<Void> ended = Sinks.empty();
            // A page's deliveries arrive together and end with the move past the page (or the fall behind).
            Flux<Object> deliveries = feed.stream(Reader.of(member), changes.selection(), from)
                    .bufferUntil(delivery -> !(delivery instanceof ChangeFeed.Change))
                    .cast(Object.class)
                    .doFinally(signal -> ended.tryEmitEmpty());
            Flux<Object> heartbeats = Flux.interval(properties.heartbeat()).onBackpressureDrop()
                    .<Object>map(tick -> Heartbeat.INSTANCE)
                    .takeUntilOther(ended.asMono());
            Flux<Object> ends = Flux.<Object>merge(withdrawn(member), Mono.delay(properties.maxStreamAge())
                            .map(t -> new Ended("the stream reached exchange.delivery.max-stream-age ("
                                    + properties.maxStreamAge() + "): reconnect with a current access token")))
                    .take(1);
            // The id of a heartbeat is taken here, after the merge, so it never runs ahead of a change still to come.
            AtomicReference<StreamPosition> resumeFrom = new AtomicReference<>(from);
            // A subscriber told it fell behind, or why the stream ends, is sent nothing more: the response ends there.
            return Flux.merge(deliveries, heartbeats, ends).takeUntil(item -> item instanceof Ended || fellBehind(item))
                    .<List<byte[]>>handle((item, sink) -> {
                if (item instanceof List<?> batch) {
                    List<byte[]> frames = new ArrayList<>(batch.size());
                    for (Object delivery : batch) {
                        if (delivery instanceof ChangeFeed.Change change) {
                            resumeFrom.set(change.resumeFrom());
                            frames.add(change.change().frameWithId(change.resumeFrom().id()));
                        } else if (delivery instanceof ChangeFeed.Moved moved) {
                            resumeFrom.set(moved.resumeFrom());
                        } else if (delivery instanceof ChangeFeed.FellBehind behind) {
                            frames.add(SseFrames.event(behind.resumeFrom().id(), "closed", ChangeJson.closed(
                                    "the subscriber fell " + behind.behind() + " positions behind the log's head"
                                            + " (exchange.delivery.max-behind is " + properties.maxBehind()
                                            + "): resume from its position", behind.resumeFrom())));
                        }
                    }
                    if (!frames.isEmpty()) {
                        sink.next(frames);
                    }
                } else if (item instanceof Ended end) {
                    sink.next(List.of(SseFrames.event(resumeFrom.get().id(), "closed",
                            ChangeJson.closed(end.reason(), resumeFrom.get()))));
                } else {
                    sink.next(List.of(SseFrames.comment(resumeFrom.get().id(), "heartbeat")));
                }
            }).startWith(List.of(SseFrames.event(from.id(), "ready", ChangeJson.ready(from))));
        });
    }

    /** Whether {@code item} is a page of deliveries that ends with the subscriber falling behind. */
    private static boolean fellBehind(Object item) {
        return item instanceof List<?> batch && !batch.isEmpty() && batch.get(batch.size() - 1) instanceof ChangeFeed.FellBehind;
    }

    /** Writes each element's frames and then flushes, so a page reaches the subscriber in one write. */
    private static BodyInserter<Flux<List<byte[]>>, ServerHttpResponse> frames(Flux<List<byte[]>> events) {
        return new BodyInserter<>() {
            @Override
            public Mono<Void> insert(ServerHttpResponse response, Context context) {
                DataBufferFactory buffers = response.bufferFactory();
                return response.writeAndFlushWith(events.map(frames -> Flux.fromIterable(frames).map(buffers::wrap)));
            }
        };
    }

    private ChangeRequest parse(ServerRequest request, Member member) {
        return ChangeRequest.of(member, collections, request.queryParam("collection"), request.queryParams()
                        .getOrDefault("type", java.util.List.of()), request.queryParam("from"),
                request.headers().firstHeader("Last-Event-ID") == null ? java.util.Optional.empty()
                        : java.util.Optional.of(request.headers().firstHeader("Last-Event-ID")),
                request.queryParam("to"), request.queryParam("limit"), properties.pageSize());
    }

    /**
     * The member read again at every heartbeat: an end when it was suspended or removed, or when what it may read
     * changed (roles, nation, sector, identity); the stream was authorised for the member as it was.
     */
    private Mono<Object> withdrawn(Member member) {
        Reader reader = Reader.of(member);
        return Flux.interval(properties.heartbeat()).onBackpressureDrop()
                .concatMap(tick -> members.find(member.id())
                        .map(current -> {
                            if (current.status() != MemberStatus.ACTIVE) {
                                return "member '" + member.id().value() + "' is suspended";
                            }
                            if (!Reader.of(current).equals(reader) || !current.roles().equals(member.roles())) {
                                return "what member '" + member.id().value() + "' may read has changed: reconnect";
                            }
                            return "";
                        })
                        .defaultIfEmpty("member '" + member.id().value() + "' no longer exists"), 1)
                .filter(reason -> !reason.isEmpty())
                .next()
                .map(Ended::new);
    }

    /** The stream ends, for {@code reason}, after a {@code closed} event saying so. */
    private record Ended(String reason) {
    }

    /** A tick of the heartbeat timer. */
    private enum Heartbeat {
        INSTANCE
    }
}
