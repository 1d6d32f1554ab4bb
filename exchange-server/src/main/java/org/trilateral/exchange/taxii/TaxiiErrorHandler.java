package org.trilateral.exchange.taxii;

import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import org.trilateral.exchange.web.ProblemDetailsSurfaces;
import org.trilateral.taxonomy.stix.StixJson;
import reactor.core.publisher.Mono;

/**
 * Renders every failure of a TAXII route (discovery and the API root, and any path that is not one of the
 * exchange's other surfaces) as the TAXII 2.1 error message (§3.6.1) with the TAXII media type, including the
 * framework's own (no route: 404; wrong method: 405) and unexpected ones (500, details logged but not sent).
 * Failures of the other surfaces are left to {@code ProblemDetailsErrorHandler}.
 */
@Component
@Order(-2)
public class TaxiiErrorHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(TaxiiErrorHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        ServerHttpResponse response = exchange.getResponse();
        String path = exchange.getRequest().getPath().value();
        if (response.isCommitted() || ProblemDetailsSurfaces.contains(path)) {
            return Mono.error(failure);
        }
        TaxiiError error = toError(exchange, failure);
        response.setStatusCode(HttpStatusCode.valueOf(Integer.parseInt(error.httpStatus())));
        response.getHeaders().set("Content-Type", TaxiiMediaTypes.TAXII_VALUE);
        byte[] body = StixJson.mapper().writeValueAsString(error).getBytes(StandardCharsets.UTF_8);
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }

    private static TaxiiError toError(ServerWebExchange exchange, Throwable failure) {
        if (failure instanceof TaxiiException taxii) {
            return TaxiiError.of(taxii.status().value(), taxii.status().getReasonPhrase(), taxii.getMessage(),
                    taxii.errorCode(), null);
        }
        if (failure instanceof DataBufferLimitException) {
            return TaxiiError.of(413, "Content Too Large", "the request body is larger than the API root's max_content_length",
                    "content-too-large", null);
        }
        if (failure instanceof ResponseStatusException status) {
            int code = status.getStatusCode().value();
            HttpStatus known = HttpStatus.resolve(code);
            String title = known == null ? "Error" : known.getReasonPhrase();
            String description = switch (code) {
                case 404 -> "no TAXII resource at " + exchange.getRequest().getPath().value();
                case 405 -> exchange.getRequest().getMethod() + " is not allowed on " + exchange.getRequest().getPath().value();
                default -> status.getReason() == null ? title : status.getReason();
            };
            return TaxiiError.of(code, title, description, title.toLowerCase().replace(' ', '-'), null);
        }
        log.error("Unexpected failure on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), failure);
        return TaxiiError.of(500, "Internal Server Error", "the exchange failed to process the request; it has been logged",
                "internal-error", null);
    }
}
