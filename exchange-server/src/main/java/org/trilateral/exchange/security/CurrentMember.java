package org.trilateral.exchange.security;

import org.springframework.web.reactive.function.server.ServerRequest;
import org.trilateral.exchange.member.Member;
import reactor.core.publisher.Mono;

/** The member making a request, for handlers behind the security filter chains. */
public final class CurrentMember {

    private CurrentMember() {
    }

    /** The authenticated member; an error if the request is not authenticated (a filter chain bug, not a client's). */
    public static Mono<Member> of(ServerRequest request) {
        return request.principal()
                .ofType(MemberAuthentication.class)
                .map(MemberAuthentication::member)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException(
                        "request " + request.path() + " reached a handler without an authenticated member")));
    }
}
