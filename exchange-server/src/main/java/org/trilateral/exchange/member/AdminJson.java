package org.trilateral.exchange.member;

import java.net.URI;
import org.trilateral.exchange.error.JsonSyntax;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.trilateral.exchange.error.Refusal;
import org.trilateral.integrity.jcs.StrictJson;
import org.trilateral.taxonomy.stix.StixJson;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.JsonNode;

/**
 * The JSON of the admin API (members and their keys): request bodies read with the exchange's strict mapper
 * (duplicate member names refused), a missing, malformed or too deeply nested body refused naming what is wrong
 * (a 400, never a failure deeper in), answers as
 * {@code application/json}.
 */
public final class AdminJson {

    private AdminJson() {
    }

    /** The body parsed as JSON. */
    public static Mono<JsonNode> read(ServerRequest request) {
        return request.bodyToMono(String.class)
                .switchIfEmpty(Mono.error(() -> Refusal.invalid(null, "the request has no body; send a JSON object")))
                .map(text -> {
                    try {
                        return StixJson.mapper().readTree(text);
                    } catch (StreamConstraintsException e) {
                        throw Refusal.invalid(null, "the request body nests arrays and objects deeper, or holds a longer"
                                + " string, number or name, than the exchange reads (at most "
                                + StrictJson.MAX_NESTING_DEPTH + " levels of nesting)");
                    } catch (JacksonException e) {
                        throw Refusal.invalid(null, "the request body is not JSON: " + JsonSyntax.describe(e));
                    }
                });
    }

    /** {@link #read}, which must be a JSON object. */
    public static Mono<JsonNode> readObject(ServerRequest request) {
        return read(request).map(json -> {
            if (!json.isObject()) {
                throw Refusal.invalid(null, "the request body must be a JSON object");
            }
            return json;
        });
    }

    /** {@code body} as the answer, with {@code status}. */
    public static Mono<ServerResponse> answer(HttpStatus status, Object body) {
        return ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(StixJson.mapper().writeValueAsString(body));
    }

    /** 201 with the new resource's location and its JSON form. */
    public static Mono<ServerResponse> created(URI location, Object body) {
        return ServerResponse.created(location).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(StixJson.mapper().writeValueAsString(body));
    }
}
