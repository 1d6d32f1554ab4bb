package org.trilateral.exchange.advisory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Routes of {@code /advisories} (docs/delivery.md, "Advisories"); refusals are problem details. */
@Configuration(proxyBeanMethods = false)
class AdvisoryRoutes {

    @Bean
    RouterFunction<ServerResponse> advisoryRouter(AdvisoryHandler advisories) {
        return RouterFunctions.route()
                .GET("/advisories", advisories::list)
                .GET("/advisories/{id}", advisories::one)
                .POST("/advisories/{id}/receipts", advisories::acknowledge)
                .GET("/advisories/{id}/receipts", advisories::receipts)
                .build();
    }
}
