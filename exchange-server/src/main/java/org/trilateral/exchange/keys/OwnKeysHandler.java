package org.trilateral.exchange.keys;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.trilateral.exchange.error.Refusal;
import org.trilateral.exchange.member.AdminJson;
import org.trilateral.exchange.member.Member;
import org.trilateral.exchange.member.PathMember;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * A member's own keys, through its own token ({@code /members/me/keys}): it registers a key with its proof (the key
 * statement signed by the new key and authorised by its previous key, its pinned root or its identity provider;
 * docs/identity.md), lists and revokes its keys. No admin takes part, so no second admin has to approve.
 */
@Component
class OwnKeysHandler {

    private final MemberKeyStore store;
    private final MemberKeys keys;

    OwnKeysHandler(MemberKeyStore store, MemberKeys keys) {
        this.store = store;
        this.keys = keys;
    }

    Mono<ServerResponse> me(ServerRequest request) {
        return PathMember.acting(request).flatMap(member -> AdminJson.answer(HttpStatus.OK, Map.of(
                "member", member.id().value(), "identity", member.identityId(), "name", member.name())));
    }

    Mono<ServerResponse> list(ServerRequest request) {
        return PathMember.acting(request)
                .flatMap(member -> store.forMember(member.id()).map(KeyJson::render).collectList())
                .flatMap(list -> AdminJson.answer(HttpStatus.OK, Map.of("keys", list)));
    }

    Mono<ServerResponse> register(ServerRequest request) {
        return PathMember.acting(request).zipWith(AdminJson.readObject(request))
                .flatMap(pair -> {
                    Member member = pair.getT1();
                    JsonNode body = pair.getT2();
                    var proof = KeyJson.proof(body).orElseThrow(() -> Refusal.invalid("proof", "\"proof\" is required:"
                            + " a member registers its key with the key statement signed by the key (\"pop\") and"
                            + " authorised by its previous key, its root or its identity provider (docs/identity.md)"));
                    return keys.register(member.id(), KeyJson.jwk(body), KeyJson.timestampText(body, "not_before"),
                            KeyJson.timestampText(body, "not_after"), java.util.Optional.of(proof),
                            KeyActor.member(member.id().value()));
                })
                .flatMap(key -> AdminJson.created(request.uriBuilder().path("/{kid}").build(key.kid()), KeyJson.render(key)));
    }

    Mono<ServerResponse> revoke(ServerRequest request) {
        return PathMember.acting(request).zipWith(AdminJson.readObject(request))
                .flatMap(pair -> {
                    JsonNode reason = pair.getT2().get("reason");
                    if (reason == null || !reason.isString() || reason.stringValue().isBlank()) {
                        throw Refusal.invalid("reason", "\"reason\" is required: say why the key is revoked");
                    }
                    Member member = pair.getT1();
                    return keys.revoke(member.id(), request.pathVariable("kid"), reason.stringValue(),
                            KeyActor.member(member.id().value()));
                })
                .flatMap(key -> AdminJson.answer(HttpStatus.OK, KeyJson.render(key)));
    }
}
