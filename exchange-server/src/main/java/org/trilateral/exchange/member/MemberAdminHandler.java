package org.trilateral.exchange.member;

import java.util.Map;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.trilateral.exchange.error.Refusal;
import reactor.core.publisher.Mono;

/**
 * The admin API on members: list, read, add, change, suspend, reinstate. Only members with the {@code admin}
 * role reach it (enforced by the admin filter chain).
 */
@Component
class MemberAdminHandler {

    private final MemberStore store;

    private final MemberChanges changes;

    MemberAdminHandler(MemberStore store, MemberChanges changes) {
        this.store = store;
        this.changes = changes;
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

    Mono<ServerResponse> change(ServerRequest request) {
        return PathMember.of(request, store)
                .zipWith(AdminJson.read(request))
                .map(pair -> MemberJson.change(pair.getT1(), pair.getT2()))
                .zipWith(PathMember.acting(request))
                .flatMap(pair -> changes.change(pair.getT1(), pair.getT2().id().value(), "member-changed")
                        .onErrorMap(DataIntegrityViolationException.class, e -> Refusal.conflict(
                                "the identity_id or one of the subjects of '" + pair.getT1().id() + "' belongs to another member")))
                .flatMap(member -> AdminJson.answer(HttpStatus.OK, MemberJson.render(member)));
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
