package org.trilateral.exchange.web;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.trilateral.exchange.collection.TaxiiRequestResolver;
import org.trilateral.exchange.taxii.TaxiiRoutes;

/**
 * The TAXII 2.1 protocol edge: every feature's endpoints (§4, §5) behind the one resolver that negotiates the media
 * type and resolves the member and the collection before any handler runs. Authentication sits in front of all of
 * them as a web filter, so no route can escape it.
 */
@Configuration(proxyBeanMethods = false)
class TaxiiEdge {

    @Bean
    RouterFunction<ServerResponse> taxiiRouter(List<TaxiiRoutes> features, TaxiiRequestResolver resolver) {
        return features.stream().map(TaxiiRoutes::routes).reduce(RouterFunction::and)
                .orElseThrow(() -> new IllegalStateException("no TAXII endpoints are configured"))
                .filter(resolver);
    }
}
