package org.trilateral.exchange.error;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.trilateral.exchange.taxii.TaxiiMediaTypes;
import org.trilateral.exchange.taxii.TaxiiSection;
import org.trilateral.taxonomy.stix.StixJson;
import reactor.core.publisher.Mono;

/**
 * Writes every error response of the exchange: the exception handler and the security chains' 401 and 403 all come
 * here, so the two shapes cannot drift apart.
 */
public final class ErrorResponses {

    private ErrorResponses() {
    }

    /** Writes {@code report} in the shape of {@code surface}; headers already set (a challenge) are kept. */
    public static Mono<Void> write(ServerWebExchange exchange, ErrorSurface surface, ErrorReport report) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(report.status());
        Object body;
        if (surface == ErrorSurface.TAXII) {
            response.getHeaders().set(HttpHeaders.CONTENT_TYPE, TaxiiMediaTypes.TAXII_VALUE);
            body = TaxiiError.of(report.status().value(), report.status().getReasonPhrase(), report.detail(),
                    report.taxiiCode(), section(exchange, report));
        } else {
            response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            body = problem(report, exchange.getRequest().getPath().value());
        }
        byte[] bytes = StixJson.mapper().writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
    }

    /** The refusal's own section, else the section of the endpoint the route matched, else §3.6.1 itself. */
    private static TaxiiSection section(ServerWebExchange exchange, ErrorReport report) {
        if (report.section() != null) {
            return report.section();
        }
        Object endpoint = exchange.getAttribute(TaxiiSection.ENDPOINT_ATTRIBUTE);
        return endpoint instanceof TaxiiSection section ? section : TaxiiSection.ERROR_MESSAGE;
    }

    /**
     * RFC 9457 §3.1: {@code type} is about:blank (§4.2.1), so {@code title} is the status phrase; {@code field} is an
     * extension member (§3.2) naming the request member that is wrong.
     */
    private static Map<String, Object> problem(ErrorReport report, String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", report.status().getReasonPhrase());
        body.put("status", report.status().value());
        body.put("detail", report.detail());
        body.put("instance", instance);
        if (report.field() != null) {
            body.put("field", report.field());
        }
        return body;
    }
}
