package org.trilateral.exchange.manifest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.trilateral.exchange.taxii.TaxiiProperties;
import org.trilateral.exchange.taxii.TaxiiRoutes;
import org.trilateral.exchange.taxii.TaxiiSection;

/** The manifest endpoint of a collection. */
@Configuration(proxyBeanMethods = false)
class ManifestRoutes {

    @Bean
    TaxiiRoutes manifestEndpoints(TaxiiProperties properties, ManifestHandler manifest) {
        return TaxiiRoutes.builder()
                .get(properties.apiRoot().collection() + "/manifest", TaxiiSection.GET_OBJECT_MANIFESTS, manifest::get)
                .build();
    }
}
