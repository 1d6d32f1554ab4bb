package org.trilateral.exchange.security;

import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import org.trilateral.exchange.taxii.TaxiiError;
import org.trilateral.exchange.taxii.TaxiiMediaTypes;
import org.trilateral.taxonomy.stix.StixJson;
import reactor.core.publisher.Mono;

/** 401 and 403 on TAXII routes: the TAXII error message (§3.6.1) with the Bearer challenge (RFC 6750 §3). */
final class TaxiiSecurityErrors implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        String reason = SecurityRefusals.reason(exchange, failure);
        SecurityRefusals.log(exchange, 401, reason);
        String challenge = SecurityRefusals.challenge(SecurityRefusals.hadToken(exchange) ? "invalid_token" : null, reason);
        return write(exchange, HttpStatus.UNAUTHORIZED, "unauthorized", reason, challenge);
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException failure) {
        String reason = SecurityRefusals.reason(failure);
        SecurityRefusals.log(exchange, 403, reason);
        return write(exchange, HttpStatus.FORBIDDEN, "forbidden", reason, SecurityRefusals.challenge("insufficient_scope", reason));
    }

    private static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String code, String reason, String challenge) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge);
        response.getHeaders().set(HttpHeaders.CONTENT_TYPE, TaxiiMediaTypes.TAXII_VALUE);
        TaxiiError error = TaxiiError.of(status.value(), status.getReasonPhrase(), reason, code, null);
        byte[] body = StixJson.mapper().writeValueAsString(error).getBytes(StandardCharsets.UTF_8);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
