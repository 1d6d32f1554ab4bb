package org.trilateral.exchange.member;

import reactor.core.publisher.Mono;

/** Carries out one kind of {@link AdminRequest} once a second admin approved it, in the approving transaction. */
public interface ApprovedChange {

    /** The {@link AdminRequest#kind()} it carries out. */
    String kind();

    /** Applies the request, naming {@code approver} as the second admin in what it logs. */
    Mono<Void> apply(AdminRequest request, Member approver);
}
