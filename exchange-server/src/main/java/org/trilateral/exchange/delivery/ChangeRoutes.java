package org.trilateral.exchange.delivery;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Routes of {@code /changes}: plain HTTP next to TAXII (which has no change feed); refusals are problem details. */
@Configuration(proxyBeanMethods = false)
class ChangeRoutes {

    @Bean
    RouterFunction<ServerResponse> changeRouter(ChangeHandler changes) {
        return RouterFunctions.route()
                .GET("/changes", changes::page)
                .GET("/changes/stream", changes::stream)
                .build();
    }
}
