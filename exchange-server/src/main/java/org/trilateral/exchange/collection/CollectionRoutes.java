package org.trilateral.exchange.collection;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.trilateral.exchange.taxii.TaxiiProperties;
import org.trilateral.exchange.taxii.TaxiiRoutes;
import org.trilateral.exchange.taxii.TaxiiSection;

/** The collections endpoints of the API root. */
@Configuration(proxyBeanMethods = false)
class CollectionRoutes {

    @Bean
    TaxiiRoutes collectionEndpoints(TaxiiProperties properties, CollectionHandler collections) {
        return TaxiiRoutes.builder()
                .get(properties.apiRoot().base() + "/collections", TaxiiSection.GET_COLLECTIONS, collections::list)
                .get(properties.apiRoot().collection(), TaxiiSection.GET_COLLECTION, collections::one)
                .build();
    }
}
