package org.trilateral.exchange.member;

import org.springframework.web.reactive.function.server.ServerRequest;
import org.trilateral.exchange.error.Refusal;
import reactor.core.publisher.Mono;

/** The member an admin route names in its {@code {memberId}} path variable; an unknown one is refused as not found. */
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
}
