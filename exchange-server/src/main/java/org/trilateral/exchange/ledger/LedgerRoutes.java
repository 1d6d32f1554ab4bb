package org.trilateral.exchange.ledger;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.trilateral.taxonomy.stix.StixJson;
import reactor.core.publisher.Mono;

/**
 * Routes of {@code /log/} and the well-known checkpoint location; plain HTTP, not TAXII. Refusals are RFC 9457
 * problem details.
 */
@Configuration(proxyBeanMethods = false)
class LedgerRoutes {

    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    @Bean
    RouterFunction<ServerResponse> ledgerRouter(LedgerHandler ledger) {
        return RouterFunctions.route()
                .GET("/log/checkpoint", deferred(ledger::checkpoint))
                .GET("/.well-known/exchange-log", deferred(ledger::checkpoint))
                .GET("/log/key", deferred(ledger::key))
                .GET("/log/leaves/{index}", deferred(ledger::leaf))
                .GET("/log/proof/inclusion", deferred(ledger::inclusion))
                .GET("/log/proof/consistency", deferred(ledger::consistency))
                .onError(LedgerProblem.class, LedgerRoutes::problem)
                .build();
    }

    /** Parameter checks throw while the handler builds its pipeline; deferring brings them under onError. */
    private static HandlerFunction<ServerResponse> deferred(HandlerFunction<ServerResponse> handler) {
        return request -> Mono.defer(() -> handler.handle(request));
    }

    /** RFC 9457 §3.1: the members type (here about:blank: the status says it all), title, status, detail, instance. */
    private static Mono<ServerResponse> problem(Throwable failure, ServerRequest request) {
        LedgerProblem problem = (LedgerProblem) failure;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", problem.status().getReasonPhrase());
        body.put("status", problem.status().value());
        body.put("detail", problem.getMessage());
        body.put("instance", request.path());
        return ServerResponse.status(problem.status()).contentType(PROBLEM)
                .bodyValue(StixJson.mapper().writeValueAsBytes(body));
    }
}
