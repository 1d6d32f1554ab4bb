package org.trilateral.exchange.status;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.trilateral.exchange.taxii.TaxiiProperties;
import org.trilateral.exchange.taxii.TaxiiRoutes;
import org.trilateral.exchange.taxii.TaxiiSection;

/** The status endpoint of the API root. */
@Configuration(proxyBeanMethods = false)
class StatusRoutes {

    @Bean
    TaxiiRoutes statusEndpoints(TaxiiProperties properties, StatusHandler status) {
        return TaxiiRoutes.builder()
                .get(properties.apiRoot().base() + "/status/{statusId}", TaxiiSection.GET_STATUS, status::get)
                .build();
    }
}
