package org.trilateral.exchange.security;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import org.trilateral.exchange.problem.ProblemResponses;
import reactor.core.publisher.Mono;

/** 401 and 403 outside TAXII (admin API, unknown routes): RFC 9457 problem details with the Bearer challenge. */
final class ProblemSecurityErrors implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    private final String refusal;

    /** @param refusal the reason given for every 401, whatever the token (for the deny-all chain); null to explain the token's fault */
    ProblemSecurityErrors(String refusal) {
        this.refusal = refusal;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        String reason = refusal != null ? refusal : SecurityRefusals.reason(exchange, failure);
        SecurityRefusals.log(exchange, 401, reason);
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                SecurityRefusals.challenge(SecurityRefusals.hadToken(exchange) ? "invalid_token" : null, reason));
        return ProblemResponses.write(exchange.getResponse(), HttpStatus.UNAUTHORIZED, reason, null,
                exchange.getRequest().getPath().value());
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException failure) {
        String reason = SecurityRefusals.reason(failure);
        SecurityRefusals.log(exchange, 403, reason);
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                SecurityRefusals.challenge("insufficient_scope", reason));
        return ProblemResponses.write(exchange.getResponse(), HttpStatus.FORBIDDEN, reason, null,
                exchange.getRequest().getPath().value());
    }
}
