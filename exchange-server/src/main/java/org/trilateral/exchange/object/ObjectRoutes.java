package org.trilateral.exchange.object;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.trilateral.exchange.taxii.TaxiiProperties;
import org.trilateral.exchange.taxii.TaxiiRoutes;
import org.trilateral.exchange.taxii.TaxiiSection;

/** The object endpoints of a collection. */
@Configuration(proxyBeanMethods = false)
class ObjectRoutes {

    @Bean
    TaxiiRoutes objectEndpoints(TaxiiProperties properties, ObjectHandler objects) {
        String collection = properties.apiRoot().collection();
        String object = collection + "/objects/{objectId}";
        return TaxiiRoutes.builder()
                .get(collection + "/objects", TaxiiSection.GET_OBJECTS, objects::getObjects)
                .post(collection + "/objects", TaxiiSection.ADD_OBJECTS, objects::addObjects)
                .get(object, TaxiiSection.GET_AN_OBJECT, objects::getObject)
                .delete(object, TaxiiSection.DELETE_AN_OBJECT, objects::deleteObject)
                .get(object + "/versions", TaxiiSection.GET_OBJECT_VERSIONS, objects::versions)
                .build();
    }
}
