package org.trilateral.exchange.member;

import java.util.Optional;
import org.springframework.stereotype.Component;
import org.trilateral.exchange.error.Refusal;
import reactor.core.publisher.Mono;

/** Carries out an approved {@code member-change}: the admin's PATCH of who can log in as a member. */
@Component
class MemberChangeApproval implements ApprovedChange {

    static final String KIND = "member-change";

    private final MemberStore store;
    private final MemberChanges changes;

    MemberChangeApproval(MemberStore store, MemberChanges changes) {
        this.store = store;
        this.changes = changes;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Mono<Void> apply(AdminRequest request, Member approver) {
        return store.find(request.member())
                .switchIfEmpty(Mono.error(() -> Refusal.notFound("no member '" + request.member() + "'")))
                .map(existing -> MemberJson.change(existing, request.change()))
                .flatMap(member -> changes.change(member, request.requestedBy().value(), "member-changed",
                        Optional.of(approver.id().value())))
                .then();
    }
}
