package org.trilateral.exchange.oprf;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.POST;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Routes of the persona-token endpoints: evaluation (any authenticated member, member-services chain), the key set
 * (member read chain), rotation and oversight (admin chain).
 */
@Configuration(proxyBeanMethods = false)
class OprfRoutes {

    /** Where members ask for evaluations. */
    static final String EVALUATE_PATH = "/oprf/evaluate";
    /** The published public keys, one per epoch still answered. */
    static final String KEYS_PATH = "/.well-known/persona-token-keys.json";

    @Bean
    RouterFunction<ServerResponse> oprfRouter(OprfHandler handler) {
        return RouterFunctions.route()
                .route(POST(EVALUATE_PATH), handler::evaluate)
                .route(GET(KEYS_PATH), handler::keySet)
                .route(POST("/admin/oprf/rotate"), handler::rotate)
                .route(GET("/admin/oprf/evaluations"), handler::oversight)
                .build();
    }
}
