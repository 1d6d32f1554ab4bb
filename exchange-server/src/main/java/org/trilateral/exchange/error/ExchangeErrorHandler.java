package org.trilateral.exchange.error;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import org.trilateral.exchange.taxii.TaxiiException;
import reactor.core.publisher.Mono;

/**
 * Maps every failure of a request to its answer: domain refusals by their kind, the TAXII edge's refusals with their
 * status and section, the framework's own (no route: 404; wrong method: 405; body too large: 413) and unexpected ones
 * (500, details logged but not sent). It runs before Spring Boot's own error handler.
 */
@Component
@Order(-2)
class ExchangeErrorHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ExchangeErrorHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        ErrorSurface surface = ErrorSurface.of(exchange.getRequest().getPath().value());
        return ErrorResponses.write(exchange, surface, report(exchange, surface, failure));
    }

    private static ErrorReport report(ServerWebExchange exchange, ErrorSurface surface, Throwable failure) {
        String path = exchange.getRequest().getPath().value();
        if (failure instanceof Refusal refusal) {
            HttpStatus status = switch (refusal.kind()) {
                case INVALID -> HttpStatus.BAD_REQUEST;
                case NOT_FOUND -> HttpStatus.NOT_FOUND;
                case CONFLICT -> HttpStatus.CONFLICT;
            };
            return new ErrorReport(status, refusal.detail(), refusal.field(), code(status), null);
        }
        if (failure instanceof TaxiiException taxii) {
            return new ErrorReport(taxii.status(), taxii.getMessage(), null, taxii.errorCode(), taxii.section().orElse(null));
        }
        if (failure instanceof DataBufferLimitException) {
            return new ErrorReport(HttpStatus.CONTENT_TOO_LARGE, surface == ErrorSurface.TAXII
                    ? "the request body is larger than the API root's max_content_length"
                    : "the request body is too large", null, "content-too-large", null);
        }
        if (failure instanceof ErrorResponse error) {
            HttpStatus status = HttpStatus.resolve(error.getStatusCode().value());
            if (status != null) {
                // e.g. Allow on a 405 (RFC 9110 §15.5.6)
                exchange.getResponse().getHeaders().addAll(error.getHeaders());
                return new ErrorReport(status, frameworkDetail(exchange, surface, error, status), null, code(status), null);
            }
        }
        log.error("Unexpected failure on {} {}", exchange.getRequest().getMethod(), path, failure);
        return new ErrorReport(HttpStatus.INTERNAL_SERVER_ERROR,
                "the exchange failed to process the request; it has been logged", null, "internal-error", null);
    }

    private static String frameworkDetail(ServerWebExchange exchange, ErrorSurface surface, ErrorResponse error,
                                          HttpStatus status) {
        String path = exchange.getRequest().getPath().value();
        String detail = error.getBody().getDetail();
        if (detail == null || error instanceof ResponseStatusException) {
            if (status == HttpStatus.NOT_FOUND) {
                return surface == ErrorSurface.TAXII ? "no TAXII resource at " + path : "no resource at " + path;
            }
            if (status == HttpStatus.METHOD_NOT_ALLOWED) {
                String reason = error instanceof ResponseStatusException rse ? rse.getReason() : null;
                if (reason != null && !reason.startsWith("Request method")) {
                    return reason;
                }
                List<HttpMethod> allowed = error.getHeaders().getAllow().stream().toList();
                return exchange.getRequest().getMethod() + " is not allowed on " + path
                        + (allowed.isEmpty() ? "" : "; allowed: " + allowed);
            }
        }
        if (surface == ErrorSurface.TAXII && error instanceof ResponseStatusException rse) {
            return rse.getReason() == null ? status.getReasonPhrase() : rse.getReason();
        }
        return detail;
    }

    /** The TAXII {@code error_code} of a status without a more specific one: its reason phrase, e.g. {@code not-found}. */
    private static String code(HttpStatus status) {
        return status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
    }
}
