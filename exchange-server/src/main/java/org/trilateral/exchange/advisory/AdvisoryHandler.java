package org.trilateral.exchange.advisory;

import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.trilateral.exchange.error.Refusal;
import org.trilateral.exchange.member.AdminJson;
import org.trilateral.exchange.member.MemberSubject;
import org.trilateral.exchange.member.PathMember;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /advisories} (newest first, paged), {@code GET /advisories/{id}} (the report and the objects it references
 * that the caller may read), {@code POST /advisories/{id}/receipts} (a system's or a person's acknowledgement) and
 * {@code GET /advisories/{id}/receipts} (for the issuer: every entitled member and its receipt).
 */
@Component
class AdvisoryHandler {

    private final Advisories advisories;
    private final AdvisoryProperties properties;

    AdvisoryHandler(Advisories advisories, AdvisoryProperties properties) {
        this.advisories = advisories;
        this.properties = properties;
    }

    Mono<ServerResponse> list(ServerRequest request) {
        return PathMember.acting(request).flatMap(member -> {
            long before = request.queryParam("before").map(text -> number("before", text, 0, Long.MAX_VALUE))
                    .orElse(Long.MAX_VALUE);
            int limit = request.queryParam("limit").map(text -> (int) number("limit", text, 1, properties.pageSize()))
                    .orElse(properties.pageSize());
            return advisories.page(member, before, limit + 1).collectList()
                    .flatMap(found -> json(AdvisoryJson.page(found.subList(0, Math.min(limit, found.size())),
                            found.size() > limit)));
        });
    }

    Mono<ServerResponse> one(ServerRequest request) {
        return PathMember.acting(request)
                .flatMap(member -> advisories.view(member, request.pathVariable("id")))
                .flatMap(view -> json(AdvisoryJson.view(view)));
    }

    Mono<ServerResponse> acknowledge(ServerRequest request) {
        String id = request.pathVariable("id");
        return PathMember.acting(request).zipWith(AdminJson.readObject(request)).flatMap(pair -> {
            JsonNode body = pair.getT2();
            String kind = text(body, "kind").orElseThrow(() -> Refusal.invalid("kind",
                    "kind is required: \"system\" (a system received the advisory) or \"person\" (a person acknowledged it)"));
            Optional<String> version = text(body, "version");
            Optional<ReceiptChannel> channel = Optional.empty();
            if (kind.equals("system")) {
                String named = text(body, "channel").orElse(ReceiptChannel.POLL.value());
                channel = Optional.of(ReceiptChannel.of(named).orElseThrow(() -> Refusal.invalid("channel",
                        "channel must be \"stream\", \"webhook\" or \"poll\", not \"" + named + "\"")));
            } else if (!kind.equals("person")) {
                throw Refusal.invalid("kind", "kind must be \"system\" or \"person\", not \"" + kind + "\"");
            } else if (body.has("channel")) {
                throw Refusal.invalid("channel", "channel is for a system's receipt; a person's has none");
            }
            Optional<ReceiptChannel> how = channel;
            Mono<Optional<MemberSubject>> person = kind.equals("person")
                    ? subject(request).map(Optional::of)
                    : Mono.just(Optional.empty());
            return person.flatMap(who -> advisories.acknowledge(pair.getT1(), id, version, how, who))
                    .flatMap(receipt -> json(org.trilateral.taxonomy.stix.StixJson.mapper().writeValueAsString(
                            AdvisoryJson.receipt(id, receipt.version(), receipt))));
        });
    }

    Mono<ServerResponse> receipts(ServerRequest request) {
        String id = request.pathVariable("id");
        return PathMember.acting(request).flatMap(member -> advisories.find(member, id)
                .flatMap(advisory -> advisories.receipts(member, id)
                        .flatMap(entitled -> json(AdvisoryJson.receipts(advisory, entitled)))));
    }

    /** The identity-provider subject of the caller's token: who acknowledged. */
    private static Mono<MemberSubject> subject(ServerRequest request) {
        return request.principal().ofType(Authentication.class)
                .map(Authentication::getDetails)
                .ofType(MemberSubject.class)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException(
                        "request " + request.path() + " carries no token subject to record as the person")));
    }

    private static Optional<String> text(JsonNode body, String name) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isString() || value.stringValue().isBlank()) {
            throw Refusal.invalid(name, name + " must be a non-empty string");
        }
        return Optional.of(value.stringValue());
    }

    private static long number(String name, String text, long min, long max) {
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw Refusal.invalid(name, name + " must be a decimal number, not \"" + text + "\"");
        }
        if (value < min || value > max) {
            throw Refusal.invalid(name, name + " must be between " + min + " and " + max
                    + (name.equals("limit") ? " (exchange.advisories.page-size)" : "") + ", not " + value);
        }
        return value;
    }

    private static Mono<ServerResponse> json(String body) {
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).cacheControl(CacheControl.noStore())
                .bodyValue(body);
    }
}
