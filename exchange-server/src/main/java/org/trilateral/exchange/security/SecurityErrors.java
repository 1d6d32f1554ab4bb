package org.trilateral.exchange.security;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import org.trilateral.exchange.error.ErrorReport;
import org.trilateral.exchange.error.ErrorResponses;
import org.trilateral.exchange.error.ErrorSurface;
import reactor.core.publisher.Mono;

/**
 * 401 and 403 of one filter chain, in its surface's error shape (the TAXII error message or RFC 9457 problem
 * details), with the Bearer challenge (RFC 6750 §3).
 */
final class SecurityErrors implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    private final ErrorSurface surface;
    private final String refusal;
    private final String forbidden;
    private RefusalMetrics metrics;

    /**
     * @param refusal   the reason given for every 401, whatever the token (for the deny-all chain); null to explain the
     *                  token's fault
     * @param forbidden the reason of a 403 whose refusal carries none, e.g. the role the chain needs
     */
    SecurityErrors(ErrorSurface surface, String refusal, String forbidden) {
        this.surface = surface;
        this.refusal = refusal;
        this.forbidden = forbidden;
    }

    SecurityErrors(ErrorSurface surface, String refusal) {
        this(surface, refusal, "the member's roles do not allow this request");
    }

    /** Counts every refusal in {@code metrics}. */
    SecurityErrors countedIn(RefusalMetrics metrics) {
        this.metrics = metrics;
        return this;
    }

    private void count(int status, String reason) {
        if (metrics != null) {
            metrics.count(status, reason);
        }
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        String reason = refusal != null ? refusal : SecurityRefusals.reason(exchange, failure);
        SecurityRefusals.log(exchange, 401, reason);
        count(401, reason);
        String error = !SecurityRefusals.hadToken(exchange) ? null
                : SecurityRefusals.notBearer(exchange) ? "invalid_request" : "invalid_token";
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, SecurityRefusals.challenge(error, reason));
        return ErrorResponses.write(exchange, surface,
                new ErrorReport(HttpStatus.UNAUTHORIZED, reason, null, "unauthorized", null));
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException failure) {
        String reason = SecurityRefusals.reason(failure, forbidden);
        SecurityRefusals.log(exchange, 403, reason);
        count(403, reason);
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                SecurityRefusals.challenge("insufficient_scope", reason));
        return ErrorResponses.write(exchange, surface,
                new ErrorReport(HttpStatus.FORBIDDEN, reason, null, "forbidden", null));
    }
}
