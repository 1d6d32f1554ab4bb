package org.trilateral.exchange.reference;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Routes of {@code /taxonomy/}: read-only, plain JSON. */
@Configuration(proxyBeanMethods = false)
class TaxonomyRoutes {

    @Bean
    RouterFunction<ServerResponse> taxonomyRouter(TaxonomyHandler taxonomy) {
        return RouterFunctions.route()
                .GET("/taxonomy", taxonomy::index)
                .GET("/taxonomy/", taxonomy::index)
                .GET("/taxonomy/extension-definitions", taxonomy::extensionDefinitions)
                .GET("/taxonomy/extension-definitions/{id}", taxonomy::extensionDefinition)
                .GET("/taxonomy/extension-definitions/{id}/schema", taxonomy::extensionSchema)
                .GET("/taxonomy/vocabularies", taxonomy::vocabularies)
                .GET("/taxonomy/markings", taxonomy::markings)
                .GET("/taxonomy/seed", taxonomy::seed)
                .build();
    }
}
