package org.trilateral.exchange.keys;

import java.time.Instant;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.trilateral.exchange.member.AdminJson;
import org.trilateral.exchange.member.AdminRequestJson;
import org.trilateral.exchange.member.AdminRequests;
import org.trilateral.exchange.member.Member;
import org.trilateral.exchange.member.MemberStore;
import org.trilateral.exchange.member.PathMember;
import org.trilateral.exchange.error.Refusal;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The admin API on members' keys: register, list, end validity (rotation), revoke. Only admins reach it (the admin
 * filter chain); errors are RFC 9457 problem details.
 */
@Component
class KeyAdminHandler {

    private final MemberStore members;
    private final MemberKeyStore store;
    private final MemberKeys keys;

    private final AdminRequests requests;

    KeyAdminHandler(MemberStore members, MemberKeyStore store, MemberKeys keys, AdminRequests requests) {
        this.requests = requests;
        this.members = members;
        this.store = store;
        this.keys = keys;
    }

    Mono<ServerResponse> list(ServerRequest request) {
        return PathMember.of(request, members)
                .flatMap(member -> store.forMember(member.id()).map(KeyJson::render).collectList())
                .flatMap(list -> AdminJson.answer(HttpStatus.OK, Map.of("keys", list)));
    }

    /**
     * An admin registers a key: its own directly; another member's only as a four-eyes request (202 with the pending
     * request), which a second admin of another nation approves. A member registers its own keys itself, with its
     * proof, at {@code /members/me/keys}.
     */
    Mono<ServerResponse> register(ServerRequest request) {
        return PathMember.of(request, members).zipWith(AdminJson.readObject(request)).zipWith(PathMember.acting(request))
                .flatMap(all -> {
                    Member member = all.getT1().getT1();
                    JsonNode body = all.getT1().getT2();
                    Member admin = all.getT2();
                    String kid = KeyJson.jwk(body).thumbprint();
                    KeyJson.proof(body);
                    if (!member.id().equals(admin.id())) {
                        // A kid already registered is refused now, not after a second admin's approval.
                        return store.find(kid)
                                .flatMap(existing -> Mono.<ServerResponse>error(Refusal.conflict("kid " + kid
                                        + " is already registered; a key id is never reused, even after revocation:"
                                        + " generate a new key")))
                                .switchIfEmpty(Mono.defer(() -> requests.open(KeyRegistrationApproval.KIND, member.id(),
                                                (ObjectNode) body, admin)
                                        .flatMap(pending -> AdminJson.answer(HttpStatus.ACCEPTED,
                                                AdminRequestJson.render(pending)))));
                    }
                    return keys.register(member.id(), KeyJson.jwk(body), KeyJson.timestampText(body, "not_before"),
                                    KeyJson.timestampText(body, "not_after"), KeyJson.proof(body),
                                    KeyActor.member(admin.id().value()))
                            .flatMap(key -> AdminJson.created(request.uriBuilder().path("/{kid}").build(key.kid()),
                                    KeyJson.render(key)));
                });
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
