package org.trilateral.exchange.delivery.webhook;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.trilateral.exchange.collection.CollectionRegistry;
import org.trilateral.exchange.collection.TaxiiCollection;
import org.trilateral.exchange.delivery.ChangeFeed;
import org.trilateral.exchange.error.JsonSyntax;
import org.trilateral.exchange.error.Refusal;
import org.trilateral.exchange.member.Member;
import org.trilateral.exchange.member.PathMember;
import org.trilateral.taxonomy.stix.StixJson;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The member API of webhooks (docs/delivery.md#webhooks): a member registers, lists, reads, pauses, resumes and
 * deletes its own endpoints, reads their dead letters, replays and deletes them (which resumes an endpoint suspended
 * at the dead-letter limit). Every route names the acting member in its
 * query, so another member's endpoint is answered exactly as one that does not exist.
 */
@Component
class WebhookHandler {

    private final WebhookStore store;
    private final EndpointAddress addresses;
    private final ChangeFeed feed;
    private final CollectionRegistry collections;
    private final DeadLetterReplay replay;
    private final WebhookProperties properties;
    private final Clock clock;

    WebhookHandler(WebhookStore store, EndpointAddress addresses, ChangeFeed feed, CollectionRegistry collections,
                   DeadLetterReplay replay, WebhookProperties properties, Clock clock) {
        this.store = store;
        this.addresses = addresses;
        this.feed = feed;
        this.collections = collections;
        this.replay = replay;
        this.properties = properties;
        this.clock = clock;
    }

    /** {@code POST /webhooks}: deliveries start with what is appended after the registration. */
    Mono<ServerResponse> create(ServerRequest request) {
        return PathMember.acting(request).flatMap(member -> request.bodyToMono(String.class)
                .switchIfEmpty(Mono.error(() -> Refusal.invalid(null, "the request has no body; send a JSON object"
                        + " with at least \"url\"")))
                .map(text -> WebhookRegistration.of(json(text), member, collections))
                .flatMap(registration -> addresses.check(registration.url()).flatMap(url -> {
                    WebhookEndpoint endpoint = new WebhookEndpoint(UUID.randomUUID().toString(), member.id(), url,
                            registration.collection().map(TaxiiCollection::id), registration.types(),
                            registration.description(), false, clock.instant(), Optional.empty());
                    return feed.head().flatMap(head -> store.insert(endpoint, head, properties.maxEndpoints()))
                            .flatMap(added -> {
                                if (!added) {
                                    return Mono.error(Refusal.conflict("member '" + member.id().value() + "' has "
                                            + properties.maxEndpoints() + " webhooks, the most one member may have"
                                            + " (exchange.webhooks.max-endpoints); delete one first"));
                                }
                                return view(member, endpoint.id()).flatMap(json -> ServerResponse
                                        .created(URI.create("/webhooks/" + endpoint.id()))
                                        .contentType(MediaType.APPLICATION_JSON).cacheControl(CacheControl.noStore())
                                        .bodyValue(json.toString()));
                            });
                })));
    }

    /** {@code GET /webhooks}: the member's endpoints. */
    Mono<ServerResponse> list(ServerRequest request) {
        return PathMember.acting(request).flatMap(member -> store.list(member.id())
                .concatMap(this::json)
                .collectList()
                .flatMap(items -> {
                    ObjectNode json = StixJson.mapper().createObjectNode();
                    ArrayNode array = json.putArray("webhooks");
                    items.forEach(array::add);
                    return ok(json);
                }));
    }

    /** {@code GET /webhooks/{id}}. */
    Mono<ServerResponse> get(ServerRequest request) {
        return PathMember.acting(request).flatMap(member -> view(member, request.pathVariable("id")))
                .flatMap(this::ok);
    }

    /** {@code DELETE /webhooks/{id}}: with its lanes and dead letters; deliveries stop. */
    Mono<ServerResponse> delete(ServerRequest request) {
        String id = request.pathVariable("id");
        return PathMember.acting(request).flatMap(member -> store.delete(member.id(), id))
                .flatMap(deleted -> deleted ? ServerResponse.noContent().build() : Mono.error(notFound(id)));
    }

    /** {@code POST /webhooks/{id}/pause} and {@code /resume}: a paused endpoint keeps its positions. */
    Mono<ServerResponse> pause(ServerRequest request, boolean paused) {
        String id = request.pathVariable("id");
        return PathMember.acting(request).flatMap(member -> owned(member, id)
                .flatMap(endpoint -> paused ? Mono.just(endpoint) : resumable(endpoint))
                .flatMap(endpoint -> store.pause(member.id(), id, paused))
                .flatMap(found -> found ? view(member, id) : Mono.error(notFound(id))))
                .flatMap(this::ok);
    }

    /**
     * The endpoint, its suspension lifted if it has fewer dead letters than {@code max-dead-letters} now (the limit may
     * have been raised); refused while it has as many.
     */
    private Mono<WebhookEndpoint> resumable(WebhookEndpoint endpoint) {
        if (endpoint.suspension().isEmpty()) {
            return Mono.just(endpoint);
        }
        return store.resumeBelow(endpoint.id(), properties.maxDeadLetters()).flatMap(active -> active
                ? Mono.just(endpoint)
                : store.deadLetterCount(endpoint.id()).flatMap(count -> Mono.error(Refusal.conflict("webhook '"
                        + endpoint.id() + "' is suspended: it has " + count + " dead letters, and"
                        + " exchange.webhooks.max-dead-letters is " + properties.maxDeadLetters() + "; replay or delete"
                        + " dead letters to resume it"))));
    }

    /** {@code GET /webhooks/{id}/dead-letters}. */
    Mono<ServerResponse> deadLetters(ServerRequest request) {
        String id = request.pathVariable("id");
        return PathMember.acting(request).flatMap(member -> owned(member, id))
                .flatMap(endpoint -> store.deadLetters(endpoint.id()).map(WebhookJson::deadLetter).collectList())
                .flatMap(letters -> {
                    ObjectNode json = StixJson.mapper().createObjectNode();
                    json.putArray("dead_letters").addAll(letters);
                    return ok(json);
                });
    }

    /** {@code POST /webhooks/{id}/dead-letters/replay}: every dead letter, in order, until one fails. */
    Mono<ServerResponse> replayAll(ServerRequest request) {
        String id = request.pathVariable("id");
        return PathMember.acting(request).flatMap(member -> owned(member, id).flatMap(endpoint ->
                store.deadLetters(endpoint.id()).collectList()
                        .flatMap(letters -> replay.replay(endpoint, member, letters).collectList())
                        .flatMap(outcomes -> remaining(endpoint)
                                .flatMap(remaining -> ok(WebhookJson.replayed(outcomes, remaining))))));
    }

    /** {@code POST /webhooks/{id}/dead-letters/{letter}/replay}. */
    Mono<ServerResponse> replayOne(ServerRequest request) {
        String id = request.pathVariable("id");
        String letterId = request.pathVariable("letter");
        return PathMember.acting(request).flatMap(member -> owned(member, id).flatMap(endpoint ->
                store.deadLetter(endpoint.id(), letterId)
                        .switchIfEmpty(Mono.error(() -> noLetter(id, letterId)))
                        .flatMap(letter -> replay.replay(endpoint, member, List.of(letter)).collectList())
                        .flatMap(outcomes -> remaining(endpoint)
                                .flatMap(remaining -> ok(WebhookJson.replayed(outcomes, remaining))))));
    }

    /**
     * {@code DELETE /webhooks/{id}/dead-letters} and {@code /dead-letters/{letter}}: the member gives up on them (their
     * positions are not delivered again); a suspended endpoint resumes once it has fewer than the limit.
     */
    Mono<ServerResponse> deleteDeadLetters(ServerRequest request, boolean one) {
        String id = request.pathVariable("id");
        Optional<String> letterId = one ? Optional.of(request.pathVariable("letter")) : Optional.empty();
        return PathMember.acting(request).flatMap(member -> owned(member, id).flatMap(endpoint ->
                store.deleteDeadLetters(endpoint.id(), letterId)
                        .flatMap(deleted -> one && deleted == 0 ? Mono.error(noLetter(id, letterId.get()))
                                : remaining(endpoint).flatMap(remaining -> ok(WebhookJson.deleted(deleted, remaining))))));
    }

    /** The dead letters left after a replay or a deletion, the endpoint's suspension lifted if they are few enough. */
    private Mono<Long> remaining(WebhookEndpoint endpoint) {
        return store.resumeBelow(endpoint.id(), properties.maxDeadLetters())
                .then(store.deadLetterCount(endpoint.id()));
    }

    private static Refusal noLetter(String id, String letterId) {
        return Refusal.notFound("webhook '" + id + "' has no dead letter '" + letterId + "'");
    }

    private Mono<WebhookEndpoint> owned(Member member, String id) {
        return store.find(member.id(), id).switchIfEmpty(Mono.error(() -> notFound(id)));
    }

    private Mono<ObjectNode> view(Member member, String id) {
        return owned(member, id).flatMap(this::json);
    }

    private Mono<ObjectNode> json(WebhookEndpoint endpoint) {
        return Mono.zip(store.lanes(endpoint.id()).collectList(), store.deadLetterCount(endpoint.id()))
                .map(read -> WebhookJson.endpoint(endpoint, read.getT1(), read.getT2(), collections));
    }

    private Mono<ServerResponse> ok(JsonNode json) {
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).cacheControl(CacheControl.noStore())
                .bodyValue(json.toString());
    }

    private static Refusal notFound(String id) {
        return Refusal.notFound("no webhook '" + id + "'");
    }

    private static JsonNode json(String text) {
        try {
            return StixJson.mapper().readTree(text);
        } catch (JacksonException e) {
            throw Refusal.invalid(null, "the request body is not JSON: " + JsonSyntax.describe(e));
        }
    }
}
