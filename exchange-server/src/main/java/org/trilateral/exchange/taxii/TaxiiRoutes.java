package org.trilateral.exchange.taxii;

import static org.springframework.web.reactive.function.server.RequestPredicates.DELETE;
import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.POST;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.trilateral.exchange.collection.CollectionHandler;
import org.trilateral.exchange.discovery.DiscoveryHandler;
import org.trilateral.exchange.manifest.ManifestHandler;
import org.trilateral.exchange.object.ObjectHandler;
import org.trilateral.exchange.status.StatusHandler;

/**
 * Every TAXII 2.1 endpoint (§4, §5) and the checks they all share. TAXII URLs end in a slash; the same path
 * without it is accepted too. Authentication sits in front of all of these as a web filter, so no route can
 * escape it.
 */
@Configuration(proxyBeanMethods = false)
class TaxiiRoutes {

    @Bean
    RouterFunction<ServerResponse> taxiiRouter(TaxiiProperties properties, DiscoveryHandler discovery,
                                               CollectionHandler collections, ObjectHandler objects,
                                               ManifestHandler manifest, StatusHandler status) {
        String root = "/" + properties.apiRoot().path();
        String collection = root + "/collections/{collectionId}";
        String object = collection + "/objects/{objectId}";
        return RouterFunctions.route()
                .route(get("/taxii2"), discovery::discovery)
                .route(get(root), discovery::apiRoot)
                .route(get(root + "/status/{statusId}"), status::get)
                .route(get(root + "/collections"), collections::list)
                .route(get(collection), collections::one)
                .route(get(collection + "/manifest"), manifest::get)
                .route(get(collection + "/objects"), objects::getObjects)
                .route(POST(collection + "/objects/").or(POST(collection + "/objects")), objects::addObjects)
                .route(get(object), objects::getObject)
                .route(DELETE(object + "/").or(DELETE(object)), objects::deleteObject)
                .route(get(object + "/versions"), objects::versions)
                .filter(new TaxiiContentNegotiation())
                .build();
    }

    private static RequestPredicate get(String path) {
        return GET(path + "/").or(GET(path));
    }
}
