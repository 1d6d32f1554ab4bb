package org.trilateral.exchange.dev;

import com.nimbusds.jose.JOSEException;
import org.trilateral.exchange.error.JsonSyntax;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.trilateral.exchange.member.Member;
import org.trilateral.exchange.member.MemberStore;
import org.trilateral.exchange.error.Refusal;
import org.trilateral.taxonomy.stix.StixJson;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /dev/token} with {@code member=<id>} (form) or {@code {"member": "<id>"}} (JSON): an access token for a
 * member registered at the development issuer, in the shape of an OAuth 2.0 token response (RFC 6749 §5.1).
 */
final class DevTokenHandler {

    static final Duration LIFETIME = Duration.ofHours(1);

    private final DevSigningKey key;
    private final MemberStore members;
    private final Clock clock;

    DevTokenHandler(DevSigningKey key, MemberStore members, Clock clock) {
        this.key = key;
        this.members = members;
        this.clock = clock;
    }

    Mono<ServerResponse> token(ServerRequest request) {
        return memberParameter(request)
                .flatMap(id -> members.findBySubject(DemoMembers.ISSUER_NAME, id)
                        .switchIfEmpty(Mono.error(() -> Refusal.invalid("member", "no member '" + id
                                + "' is registered at the development issuer; demo members: "
                                + DemoMembers.ALL.stream().map(Member::id).toList())))
                        .publishOn(Schedulers.parallel())
                        .map(member -> sign(id)))
                .flatMap(token -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("access_token", token);
                    body.put("token_type", "Bearer");
                    body.put("expires_in", LIFETIME.toSeconds());
                    return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                            .header("Cache-Control", "no-store")
                            .bodyValue(StixJson.mapper().writeValueAsString(body));
                });
    }

    /** Any method but POST: 405 with {@code Allow: POST} and how to ask (RFC 9110 §15.5.6), not a bare 404. */
    Mono<ServerResponse> otherMethod(ServerRequest request) {
        return Mono.error(new MethodNotAllowedException(request.method(), Set.of(HttpMethod.POST)) {
            @Override
            public String getReason() {
                return request.method() + " is not allowed on /dev/token: ask a development token with POST, e.g."
                        + " curl -d member=jp-agency <exchange URL>/dev/token (demo members: "
                        + DemoMembers.ALL.stream().map(Member::id).toList() + ")";
            }
        });
    }

    private static Mono<String> memberParameter(ServerRequest request) {
        MediaType type = request.headers().contentType().orElse(MediaType.APPLICATION_FORM_URLENCODED);
        Mono<String> value;
        if (MediaType.APPLICATION_JSON.isCompatibleWith(type)) {
            value = request.bodyToMono(String.class).map(text -> {
                try {
                    JsonNode json = StixJson.mapper().readTree(text);
                    return json.path("member").asString("");
                } catch (JacksonException e) {
                    throw Refusal.invalid(null, "the request body is not JSON: " + JsonSyntax.describe(e));
                }
            });
        } else {
            value = request.formData().map(form -> {
                String member = form.getFirst("member");
                return member == null ? "" : member;
            });
        }
        return value.defaultIfEmpty("").map(member -> {
            if (member.isBlank()) {
                throw Refusal.invalid("member", "'member' is required: the id of a demo member");
            }
            return member;
        });
    }

    private String sign(String subject) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(key.issuerUri())
                .subject(subject)
                .audience(key.audience())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.key().getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new ECDSASigner(key.key()));
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a development token", e);
        }
        return jwt.serialize();
    }
}
