package org.trilateral.exchange.problem;

import org.springframework.web.reactive.function.server.ServerRequest;
import org.trilateral.taxonomy.stix.StixJson;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Reads the JSON body of an admin request; a missing or malformed body is a 400 problem naming what is wrong. */
public final class JsonBodies {

    private JsonBodies() {
    }

    /** The body parsed as JSON (duplicate member names refused, as everywhere in the exchange). */
    public static Mono<JsonNode> read(ServerRequest request) {
        return request.bodyToMono(String.class)
                .switchIfEmpty(Mono.error(() -> Problem.invalid(null, "the request has no body; send a JSON object")))
                .map(text -> {
                    try {
                        return StixJson.mapper().readTree(text);
                    } catch (JacksonException e) {
                        throw Problem.invalid(null, "the request body is not JSON: " + e.getOriginalMessage());
                    }
                });
    }

    /** {@link #read}, which must be a JSON object. */
    public static Mono<JsonNode> readObject(ServerRequest request) {
        return read(request).map(json -> {
            if (!json.isObject()) {
                throw Problem.invalid(null, "the request body must be a JSON object");
            }
            return json;
        });
    }
}
