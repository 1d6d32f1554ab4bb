package org.trilateral.exchange.member;

import org.springframework.security.core.Authentication;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.trilateral.exchange.error.Refusal;
import reactor.core.publisher.Mono;

/**
 * The members a request concerns: the one an admin route names in its {@code {memberId}} path variable (an unknown
 * one is refused as not found), and the one acting, whom the security filter chain authenticated.
 */
public final class PathMember {

    private PathMember() {
    }

    public static Mono<Member> of(ServerRequest request, MemberStore store) {
        String text = request.pathVariable("memberId");
        MemberId id;
        try {
            id = new MemberId(text);
        } catch (IllegalArgumentException e) {
            return Mono.error(Refusal.notFound("no member '" + text + "'"));
        }
        return store.find(id).switchIfEmpty(Mono.error(() -> Refusal.notFound("no member '" + text + "'")));
    }

    /** The member the security filter chain authenticated for {@code request}. */
    public static Mono<Member> acting(ServerRequest request) {
        return request.principal()
                .ofType(Authentication.class)
                .map(Authentication::getPrincipal)
                .ofType(Member.class)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException(
                        "request " + request.path() + " reached a member route without an authenticated member")));
    }
}
