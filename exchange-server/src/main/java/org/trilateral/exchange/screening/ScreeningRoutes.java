package org.trilateral.exchange.screening;

import static org.springframework.web.reactive.function.server.RequestPredicates.POST;
import static org.springframework.web.reactive.function.server.RequestPredicates.PUT;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The screening routes (member-services filter chain: any authenticated member). */
@Configuration(proxyBeanMethods = false)
class ScreeningRoutes {

    static final String PATH = "/screening";
    static final String STAFF = "/screening/staff";

    @Bean
    RouterFunction<ServerResponse> screeningRouter(ScreeningHandler handler) {
        return RouterFunctions.route().route(POST(PATH), handler::screen).route(PUT(STAFF), handler::registerStaff).build();
    }
}
