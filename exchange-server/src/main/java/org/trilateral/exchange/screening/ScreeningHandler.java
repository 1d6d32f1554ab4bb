package org.trilateral.exchange.screening;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.trilateral.exchange.member.AdminJson;
import org.trilateral.exchange.member.Member;
import reactor.core.publisher.Mono;

/**
 * {@code POST /screening} and {@code PUT /screening/staff}: parse, screen or register for the calling member, answer;
 * errors are RFC 9457 problem details.
 */
@Component
class ScreeningHandler {

    private final Screening screening;
    private final ScreeningProperties properties;

    ScreeningHandler(Screening screening, ScreeningProperties properties) {
        this.screening = screening;
        this.properties = properties;
    }

    /** Replaces the caller's staff registration; answers how many tokens it holds and which are employed elsewhere. */
    Mono<ServerResponse> registerStaff(ServerRequest request) {
        return member(request).zipWith(AdminJson.readObject(request))
                .flatMap(pair -> {
                    ScreeningJson.StaffRegistration staff = ScreeningJson.staff(pair.getT2(), properties.maxStaffTokens());
                    return screening.registerStaff(staff.tokens(), staff.discloseGroups(), pair.getT1())
                            .flatMap(found -> AdminJson.answer(HttpStatus.OK, java.util.Map.of(
                                    "registered", staff.tokens().size(),
                                    "employment", ScreeningJson.employment(found))));
                });
    }

    Mono<ServerResponse> screen(ServerRequest request) {
        return member(request).zipWith(AdminJson.readObject(request))
                .flatMap(pair -> screening.screen(ScreeningJson.request(pair.getT2()), pair.getT1()))
                .flatMap(result -> AdminJson.answer(HttpStatus.OK, ScreeningJson.answer(result)));
    }

    private static Mono<Member> member(ServerRequest request) {
        return request.principal()
                .ofType(Authentication.class)
                .map(Authentication::getPrincipal)
                .ofType(Member.class)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException(
                        "request " + request.path() + " reached screening without an authenticated member")));
    }
}
