package org.trilateral.exchange.problem;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.trilateral.taxonomy.stix.StixJson;
import reactor.core.publisher.Mono;

/** Writes RFC 9457 problem details ({@code application/problem+json}). */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    /** The problem-details body: {@code type} is about:blank (§4.2.1), so {@code title} is the status phrase. */
    public static Map<String, Object> body(HttpStatus status, String detail, String field, String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", detail);
        if (instance != null) {
            body.put("instance", instance);
        }
        if (field != null) {
            // §3.2 extension member: which request member is wrong
            body.put("field", field);
        }
        return body;
    }

    /** Writes a problem to a raw response (for filters and exception handlers, which have no ServerResponse). */
    public static Mono<Void> write(ServerHttpResponse response, HttpStatus status, String detail, String field, String instance) {
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] bytes = StixJson.mapper().writeValueAsString(body(status, detail, field, instance)).getBytes(StandardCharsets.UTF_8);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
    }
}
