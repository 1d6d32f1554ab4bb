package org.trilateral.exchange.discovery;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.trilateral.exchange.taxii.TaxiiProperties;
import org.trilateral.exchange.taxii.TaxiiRoutes;
import org.trilateral.exchange.taxii.TaxiiSection;

/** Server discovery and the API root resource. */
@Configuration(proxyBeanMethods = false)
class DiscoveryRoutes {

    @Bean
    TaxiiRoutes discoveryEndpoints(TaxiiProperties properties, DiscoveryHandler discovery) {
        return TaxiiRoutes.builder()
                .get("/taxii2", TaxiiSection.SERVER_DISCOVERY, discovery::discovery)
                .get(properties.apiRoot().base(), TaxiiSection.API_ROOT_INFORMATION, discovery::apiRoot)
                .build();
    }
}
