package org.trilateral.exchange.ratelimit;

import java.time.Duration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.trilateral.exchange.error.ErrorReport;
import org.trilateral.exchange.error.ErrorResponses;
import org.trilateral.exchange.error.ErrorSurface;
import org.trilateral.exchange.member.Member;
import reactor.core.publisher.Mono;

/**
 * Runs after the security chains (order 0, after their -100), so it sees the authenticated member: a member over its
 * limit gets 429 with {@code Retry-After} in whole seconds (RFC 9110 §10.2.3), in the error shape of the surface it
 * called. Requests without a member (the health probes, the development token endpoint) are not limited here.
 */
@Component
@Order(0)
class RateLimitFilter implements WebFilter {

    /** The log's tiles and entry bundles (C2SP tlog-tiles), limited by {@code exchange.rate-limit.tiles}. */
    private static final String TILE_PATHS = "/log/tile/";

    private final MemberRateLimiter limiter;

    RateLimitFilter(MemberRateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(authentication -> authentication != null && authentication.getPrincipal() instanceof Member)
                .map(authentication -> ((Member) authentication.getPrincipal()).id().value())
                .flatMap(member -> {
                    Duration wait = limiter.admit(member, isTile(exchange));
                    return wait.isZero() ? chain.filter(exchange).thenReturn(true) : refuse(exchange, member, wait).thenReturn(true);
                })
                .switchIfEmpty(Mono.defer(() -> chain.filter(exchange).thenReturn(true)))
                .then();
    }

    /** A read of the log's tiles or entry bundles, which has a bucket of its own. */
    private static boolean isTile(ServerWebExchange exchange) {
        return exchange.getRequest().getMethod() == HttpMethod.GET
                && exchange.getRequest().getPath().value().startsWith(TILE_PATHS);
    }

    private static Mono<Void> refuse(ServerWebExchange exchange, String member, Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        String path = exchange.getRequest().getPath().value();
        return ErrorResponses.write(exchange, ErrorSurface.of(path), new ErrorReport(HttpStatus.TOO_MANY_REQUESTS,
                "member '" + member + "' is over its rate limit (exchange.rate-limit" + (isTile(exchange) ? ".tiles" : "")
                        + "): retry after " + seconds + " s",
                null, "too-many-requests", null));
    }
}
