package org.trilateral.exchange.apidoc;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code GET /openapi.yaml}: the hand-written OpenAPI 3.1 description of every non-TAXII route (admin, keys, log,
 * taxonomy, development token), kept true by a test that compares it with the routes the exchange serves.
 */
@Configuration(proxyBeanMethods = false)
class ApiDescriptionRoutes {

    /** Where the description is, on the classpath. */
    static final String LOCATION = "openapi/exchange.yaml";

    @Bean
    RouterFunction<ServerResponse> apiDescriptionRouter() {
        ClassPathResource description = new ClassPathResource(LOCATION);
        return RouterFunctions.route()
                .GET("/openapi.yaml", request -> ServerResponse.ok()
                        .contentType(MediaType.parseMediaType("application/yaml;charset=UTF-8")).bodyValue(description))
                .build();
    }
}
