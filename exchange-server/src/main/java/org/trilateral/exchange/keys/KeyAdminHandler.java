package org.trilateral.exchange.keys;

import java.time.Instant;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.trilateral.exchange.member.AdminJson;
import org.trilateral.exchange.member.MemberStore;
import org.trilateral.exchange.member.PathMember;
import org.trilateral.exchange.error.Refusal;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The admin API on members' keys: register, list, end validity (rotation), revoke. Only admins reach it (the admin
 * filter chain); errors are RFC 9457 problem details.
 */
@Component
class KeyAdminHandler {

    private final MemberStore members;
    private final MemberKeyStore store;
    private final MemberKeys keys;

    KeyAdminHandler(MemberStore members, MemberKeyStore store, MemberKeys keys) {
        this.members = members;
        this.store = store;
        this.keys = keys;
    }

    Mono<ServerResponse> list(ServerRequest request) {
        return PathMember.of(request, members)
                .flatMap(member -> store.forMember(member.id()).map(KeyJson::render).collectList())
                .flatMap(list -> AdminJson.answer(HttpStatus.OK, Map.of("keys", list)));
    }

    Mono<ServerResponse> register(ServerRequest request) {
        return PathMember.of(request, members).zipWith(AdminJson.readObject(request))
                .flatMap(pair -> {
                    JsonNode body = pair.getT2();
                    return PathMember.acting(request).flatMap(admin -> keys.register(pair.getT1().id(), KeyJson.jwk(body),
                            KeyJson.timestampText(body, "not_before"), KeyJson.timestampText(body, "not_after"),
                            KeyJson.proof(body), KeyActor.admin(admin.id().value())));
                })
                .flatMap(key -> AdminJson.created(request.uriBuilder().path("/{kid}").build(key.kid()), KeyJson.render(key)));
    }

    Mono<ServerResponse> change(ServerRequest request) {
        return PathMember.of(request, members).zipWith(AdminJson.readObject(request))
                .flatMap(pair -> {
                    JsonNode body = pair.getT2();
                    for (String name : body.propertyNames()) {
                        if (!name.equals("not_after")) {
                            throw Refusal.invalid(name, "only \"not_after\" of a key can change (rotation); \""
                                    + name + "\" cannot");
                        }
                    }
                    Instant notAfter = KeyJson.timestamp(body, "not_after").orElseThrow(() -> Refusal.invalid("not_after",
                            "\"not_after\" is required: the end of the key's validity"));
                    return PathMember.acting(request).flatMap(admin -> keys.endValidity(pair.getT1().id(),
                            request.pathVariable("kid"), notAfter, KeyActor.admin(admin.id().value())));
                })
                .flatMap(key -> AdminJson.answer(HttpStatus.OK, KeyJson.render(key)));
    }

    Mono<ServerResponse> revoke(ServerRequest request) {
        return PathMember.of(request, members).zipWith(AdminJson.readObject(request))
                .flatMap(pair -> {
                    JsonNode reason = pair.getT2().get("reason");
                    if (reason == null || !reason.isString() || reason.stringValue().isBlank()) {
                        throw Refusal.invalid("reason", "\"reason\" is required: say why the key is revoked");
                    }
                    return PathMember.acting(request).flatMap(admin -> keys.revoke(pair.getT1().id(),
                            request.pathVariable("kid"), reason.stringValue(), KeyActor.admin(admin.id().value())));
                })
                .flatMap(key -> AdminJson.answer(HttpStatus.OK, KeyJson.render(key)));
    }
}
