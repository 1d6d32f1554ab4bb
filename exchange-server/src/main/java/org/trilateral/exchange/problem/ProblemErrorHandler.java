package org.trilateral.exchange.problem;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Renders failures on the non-TAXII routes ({@code /admin/}, {@code /dev/}) as problem details; failures on other
 * paths pass on to the TAXII error handler, which runs after this one.
 */
@Component
@Order(-3)
public class ProblemErrorHandler implements WebExceptionHandler {

    /** Path prefixes whose errors are problem details. */
    public static final List<String> PREFIXES = List.of("/admin/", "/dev/");

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        String path = exchange.getRequest().getPath().value();
        if (exchange.getResponse().isCommitted() || PREFIXES.stream().noneMatch(p -> path.startsWith(p) || (path + "/").equals(p))) {
            return Mono.error(failure);
        }
        if (failure instanceof Problem problem) {
            return ProblemResponses.write(exchange.getResponse(), problem.status(), problem.detail(), problem.field(), path);
        }
        if (failure instanceof ResponseStatusException status) {
            HttpStatus code = HttpStatus.resolve(status.getStatusCode().value());
            HttpStatus resolved = code == null ? HttpStatus.INTERNAL_SERVER_ERROR : code;
            String detail = switch (resolved) {
                case NOT_FOUND -> "no resource at " + path;
                case METHOD_NOT_ALLOWED -> exchange.getRequest().getMethod() + " is not allowed on " + path;
                default -> status.getReason() == null ? resolved.getReasonPhrase() : status.getReason();
            };
            return ProblemResponses.write(exchange.getResponse(), resolved, detail, null, path);
        }
        log.error("Unexpected failure on {} {}", exchange.getRequest().getMethod(), path, failure);
        return ProblemResponses.write(exchange.getResponse(), HttpStatus.INTERNAL_SERVER_ERROR,
                "the exchange failed to process the request; it has been logged", null, path);
    }
}
