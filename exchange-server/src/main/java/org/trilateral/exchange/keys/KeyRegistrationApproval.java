package org.trilateral.exchange.keys;

import org.springframework.stereotype.Component;
import org.trilateral.exchange.member.AdminRequest;
import org.trilateral.exchange.member.ApprovedChange;
import org.trilateral.exchange.member.Member;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** Carries out an approved {@code key-registration}: a key an admin registers for another member. */
@Component
class KeyRegistrationApproval implements ApprovedChange {

    static final String KIND = "key-registration";

    private final MemberKeys keys;

    KeyRegistrationApproval(MemberKeys keys) {
        this.keys = keys;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Mono<Void> apply(AdminRequest request, Member approver) {
        JsonNode body = request.change();
        return keys.register(request.member(), KeyJson.jwk(body), KeyJson.timestampText(body, "not_before"),
                        KeyJson.timestampText(body, "not_after"), KeyJson.proof(body),
                        KeyActor.approved(request.requestedBy().value(), approver.id().value()))
                .then();
    }
}
