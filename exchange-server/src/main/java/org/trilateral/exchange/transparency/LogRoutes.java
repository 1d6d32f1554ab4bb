package org.trilateral.exchange.transparency;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Routes of {@code /log/} and the well-known checkpoint location; plain HTTP, not TAXII. Refusals are RFC 9457
 * problem details (the error package renders them).
 */
@Configuration(proxyBeanMethods = false)
class LogRoutes {

    @Bean
    RouterFunction<ServerResponse> logRouter(LogHandler log) {
        return RouterFunctions.route()
                .GET("/log/checkpoint", log::checkpoint)
                .GET("/.well-known/exchange-log", log::checkpoint)
                .GET("/log/key", log::key)
                .GET("/log/witnesses", log::witnesses)
                .GET("/log/tile/**", log::tile)
                .GET("/log/leaves/{index}", log::leaf)
                .GET("/log/openings/{index}", log::opening)
                .GET("/log/openings", log::openingsBetween)
                .POST("/log/openings", log::openingsOf)
                .GET("/log/audience-keys", log::audienceKeys)
                .GET("/log/proof/inclusion", log::inclusion)
                .GET("/log/proof/consistency", log::consistency)
                .build();
    }
}
