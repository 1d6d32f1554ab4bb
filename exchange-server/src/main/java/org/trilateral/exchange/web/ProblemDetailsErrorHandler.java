package org.trilateral.exchange.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import org.trilateral.exchange.problem.ProblemResponses;
import org.trilateral.taxonomy.stix.StixJson;
import reactor.core.publisher.Mono;

/**
 * Renders failures of the non-TAXII surfaces ({@link ProblemDetailsSurfaces}) as RFC 9457 problem details
 * ({@code application/problem+json}); failures elsewhere pass on to the TAXII error handler. It runs before Spring
 * Boot's own error handler. Throw an {@link ErrorResponse}
 * (for example {@code ErrorResponseException} or {@code ResponseStatusException}) to choose status and detail;
 * anything else is a 500 whose cause is logged, not sent.
 */
@Component
@Order(-3)
public class ProblemDetailsErrorHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsErrorHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted() || !ProblemDetailsSurfaces.contains(exchange.getRequest().getPath().value())) {
            return Mono.error(failure);
        }
        ProblemDetail problem = problem(exchange, failure);
        HttpStatus status = HttpStatus.valueOf(problem.getStatus());
        Map<String, Object> properties = problem.getProperties() == null ? Map.of() : problem.getProperties();
        Object field = properties.get("field");
        Map<String, Object> body = new LinkedHashMap<>(ProblemResponses.body(status, problem.getDetail(),
                field == null ? null : field.toString(), exchange.getRequest().getPath().value()));
        properties.forEach(body::putIfAbsent);
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] bytes = StixJson.mapper().writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
    }

    private static ProblemDetail problem(ServerWebExchange exchange, Throwable failure) {
        if (failure instanceof ErrorResponse error) {
            ProblemDetail body = error.getBody();
            if (body.getDetail() == null || error instanceof org.springframework.web.server.ResponseStatusException) {
                String path = exchange.getRequest().getPath().value();
                if (body.getStatus() == 404) {
                    body.setDetail("no resource at " + path);
                } else if (body.getStatus() == 405) {
                    body.setDetail(exchange.getRequest().getMethod() + " is not allowed on " + path);
                }
            }
            return body;
        }
        if (failure instanceof DataBufferLimitException) {
            return ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, "the request body is too large");
        }
        log.error("Unexpected failure on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), failure);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "the exchange failed to process the request; it has been logged");
        return problem;
    }
}
