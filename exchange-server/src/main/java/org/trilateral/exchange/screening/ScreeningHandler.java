package org.trilateral.exchange.screening;

import java.nio.charset.StandardCharsets;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.trilateral.exchange.error.Refusal;
import org.trilateral.exchange.member.AdminJson;
import org.trilateral.exchange.member.Member;
import org.trilateral.taxonomy.stix.StixJson;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

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
        return member(request).zipWith(staffBody(request))
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

    /**
     * The body of a staff registration, read up to {@link #BYTES_PER_TOKEN} per allowed token: a whole staff list is
     * larger than the codecs' default limit for other requests (256 KiB). Larger is refused with 413.
     */
    private Mono<JsonNode> staffBody(ServerRequest request) {
        int limit = (int) Math.min(Integer.MAX_VALUE, (long) properties.maxStaffTokens() * BYTES_PER_TOKEN + 4096);
        return DataBufferUtils.join(request.body(BodyExtractors.toDataBuffers()), limit)
                .map(buffer -> {
                    try {
                        return buffer.toString(StandardCharsets.UTF_8);
                    } finally {
                        DataBufferUtils.release(buffer);
                    }
                })
                .switchIfEmpty(Mono.error(() -> Refusal.invalid(null, "the request has no body; send a JSON object")))
                .map(text -> {
                    JsonNode json;
                    try {
                        json = StixJson.mapper().readTree(text);
                    } catch (JacksonException e) {
                        throw Refusal.invalid(null, "the request body is not JSON: " + org.trilateral.exchange.error.JsonSyntax.describe(e));
                    }
                    if (!json.isObject()) {
                        throw Refusal.invalid(null, "the request body must be a JSON object");
                    }
                    return json;
                });
    }

    /** Room for one persona token in a staff registration's JSON (a v2 token takes about 110 bytes). */
    static final int BYTES_PER_TOKEN = 256;

    private static Mono<Member> member(ServerRequest request) {
        return request.principal()
                .ofType(Authentication.class)
                .map(Authentication::getPrincipal)
                .ofType(Member.class)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException(
                        "request " + request.path() + " reached screening without an authenticated member")));
    }
}
