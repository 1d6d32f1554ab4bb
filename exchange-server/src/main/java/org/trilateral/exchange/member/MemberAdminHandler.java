package org.trilateral.exchange.member;

import java.util.Map;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.trilateral.exchange.error.Refusal;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The admin API on members: list, read, add, change, suspend, reinstate. Only members with the {@code admin}
 * role reach it (enforced by the admin filter chain).
 */
@Component
class MemberAdminHandler {

    private final MemberStore store;

    private final MemberChanges changes;
    private final AdminRequests requests;

    MemberAdminHandler(MemberStore store, MemberChanges changes, AdminRequests requests) {
        this.store = store;
        this.changes = changes;
        this.requests = requests;
    }

    Mono<ServerResponse> list(ServerRequest request) {
        return store.all().map(MemberJson::render).collectList()
                .flatMap(members -> AdminJson.answer(HttpStatus.OK, Map.of("members", members)));
    }

    Mono<ServerResponse> one(ServerRequest request) {
        return PathMember.of(request, store).flatMap(member -> AdminJson.answer(HttpStatus.OK, MemberJson.render(member)));
    }

    Mono<ServerResponse> create(ServerRequest request) {
        return AdminJson.read(request)
                .map(MemberJson::create)
                .zipWith(PathMember.acting(request))
                .flatMap(pair -> changes.create(pair.getT1(), pair.getT2().id().value())
                        .onErrorMap(DataIntegrityViolationException.class, e -> Refusal.conflict(
                                "member '" + pair.getT1().id() + "', its identity_id or one of its subjects is already registered")))
                .flatMap(member -> AdminJson.created(request.uriBuilder().path("/{id}").build(member.id().value()),
                        MemberJson.render(member)));
    }

    /**
     * A PATCH of a member. One that changes who can log in as it (subjects, identity_id) is a four-eyes request: 202
     * with the pending request, carried out when a second admin of another nation approves it.
     */
    Mono<ServerResponse> change(ServerRequest request) {
        return PathMember.of(request, store)
                .zipWith(AdminJson.read(request))
                .zipWith(PathMember.acting(request))
                .flatMap(all -> {
                    Member existing = all.getT1().getT1();
                    JsonNode body = all.getT1().getT2();
                    Member changed = MemberJson.change(existing, body);
                    Member admin = all.getT2();
                    if (MemberChanges.changesLogin(existing, changed)) {
                        return requests.open(MemberChangeApproval.KIND, existing.id(), (ObjectNode) body, admin)
                                .flatMap(pending -> AdminJson.answer(HttpStatus.ACCEPTED, AdminRequestJson.render(pending)));
                    }
                    return changes.change(changed, admin.id().value(), "member-changed")
                            .onErrorMap(DataIntegrityViolationException.class, e -> Refusal.conflict(
                                    "the identity_id or one of the subjects of '" + changed.id() + "' belongs to another member"))
                            .flatMap(member -> AdminJson.answer(HttpStatus.OK, MemberJson.render(member)));
                });
    }

    Mono<ServerResponse> pendingRequests(ServerRequest request) {
        return requests.pending().map(AdminRequestJson::render).collectList()
                .flatMap(list -> AdminJson.answer(HttpStatus.OK, Map.of("requests", list)));
    }

    Mono<ServerResponse> approve(ServerRequest request) {
        return PathMember.acting(request)
                .flatMap(admin -> requests.approve(requestId(request), admin))
                .flatMap(done -> AdminJson.answer(HttpStatus.OK, AdminRequestJson.render(done)));
    }

    Mono<ServerResponse> reject(ServerRequest request) {
        return PathMember.acting(request)
                .flatMap(admin -> requests.reject(requestId(request), admin))
                .flatMap(done -> AdminJson.answer(HttpStatus.OK, AdminRequestJson.render(done)));
    }

    private static java.util.UUID requestId(ServerRequest request) {
        try {
            return java.util.UUID.fromString(request.pathVariable("requestId"));
        } catch (IllegalArgumentException e) {
            throw Refusal.notFound("no admin request " + request.pathVariable("requestId"));
        }
    }

    Mono<ServerResponse> suspend(ServerRequest request) {
        return setStatus(request, MemberStatus.SUSPENDED);
    }

    Mono<ServerResponse> reinstate(ServerRequest request) {
        return setStatus(request, MemberStatus.ACTIVE);
    }

    private Mono<ServerResponse> setStatus(ServerRequest request, MemberStatus status) {
        return PathMember.of(request, store)
                .map(m -> new Member(m.id(), m.name(), m.nation(), m.sector(), m.identityId(), m.roles(), status,
                        m.subjects(), m.created(), m.updated()))
                .zipWith(PathMember.acting(request))
                .flatMap(pair -> changes.change(pair.getT1(), pair.getT2().id().value(),
                        status == MemberStatus.SUSPENDED ? "member-suspended" : "member-reinstated"))
                .flatMap(member -> AdminJson.answer(HttpStatus.OK, MemberJson.render(member)));
    }
}
