package org.trilateral.exchange.screening;

import static org.springframework.web.reactive.function.server.RequestPredicates.POST;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The screening route (member-services filter chain: any authenticated member). */
@Configuration(proxyBeanMethods = false)
class ScreeningRoutes {

    static final String PATH = "/screening";

    @Bean
    RouterFunction<ServerResponse> screeningRouter(ScreeningHandler handler) {
        return RouterFunctions.route().route(POST(PATH), handler::screen).build();
    }
}
