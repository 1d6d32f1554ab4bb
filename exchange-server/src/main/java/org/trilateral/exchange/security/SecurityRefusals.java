package org.trilateral.exchange.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.web.server.ServerWebExchange;

/**
 * The reason for a 401 or 403 as the client sees it ({@code error_description}, RFC 6750 §3) and as it is logged;
 * never the token or its claims.
 */
final class SecurityRefusals {

    private static final Logger log = LoggerFactory.getLogger(SecurityRefusals.class);

    private SecurityRefusals() {
    }

    /** Whether the request carried a bearer token at all (RFC 6750 §3.1: without one, the challenge has no error code). */
    static boolean hadToken(ServerWebExchange exchange) {
        String header = authorization(exchange);
        return header != null && !header.isBlank();
    }

    /** Whether the request's Authorization header is of another scheme than Bearer (RFC 6750 §2.1). */
    static boolean notBearer(ServerWebExchange exchange) {
        String header = authorization(exchange);
        return header != null && !header.isBlank() && !header.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    private static String authorization(ServerWebExchange exchange) {
        return exchange.getRequest().getHeaders().getFirst("Authorization");
    }

    static String reason(ServerWebExchange exchange, AuthenticationException failure) {
        if (!hadToken(exchange)) {
            return "no bearer token: send Authorization: Bearer <access token> from an identity provider the exchange trusts";
        }
        if (notBearer(exchange)) {
            // Only the scheme is named: the rest of the header may be a credential.
            String scheme = authorization(exchange).strip().split("\\s+", 2)[0];
            String named = scheme.matches("[A-Za-z0-9_-]{1,20}") ? "'" + scheme + " …'" : "something else";
            return "the Authorization header must be 'Bearer <access token>' (RFC 6750 §2.1), but it is " + named;
        }
        // Spring wraps the decoder's failure in a generic "Failed to validate the token"; the cause says why.
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JwtException jwt && jwt.getMessage() != null) {
                return jwt.getMessage();
            }
        }
        if (failure instanceof OAuth2AuthenticationException oauth && oauth.getError().getDescription() != null) {
            return oauth.getError().getDescription();
        }
        return failure.getMessage() == null ? "the bearer token was refused" : failure.getMessage();
    }

    /** The refusal's own reason, else {@code fallback} (the chain's, e.g. the role it needs). */
    static String reason(AccessDeniedException failure, String fallback) {
        return failure.getMessage() == null || "Access Denied".equals(failure.getMessage())
                ? fallback : failure.getMessage();
    }

    /** The {@code WWW-Authenticate} challenge (RFC 6750 §3). */
    static String challenge(String error, String description) {
        if (error == null) {
            return "Bearer realm=\"trilateral-exchange\"";
        }
        // quoted-string (RFC 9110 §5.6.4): the description must not break out of its quotes.
        String safe = description.replace('"', '\'').replace('\\', '/').replaceAll("[\\r\\n]", " ");
        return "Bearer realm=\"trilateral-exchange\", error=\"" + error + "\", error_description=\"" + safe + "\"";
    }

    static void log(ServerWebExchange exchange, int status, String reason) {
        log.info("Refused {} {} with {}: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath().value(),
                status, reason);
    }
}
