package org.trilateral.exchange.taxii;

import java.util.function.Function;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The TAXII endpoints one feature contributes, each with the section of TAXII 2.1 that defines it. The edge gathers
 * every feature's routes behind the checks they all share, so no class lists the handlers of all features. TAXII URLs
 * end in a slash; the same path without it is accepted too.
 */
public final class TaxiiRoutes {

    private final RouterFunction<ServerResponse> routes;

    private TaxiiRoutes(RouterFunction<ServerResponse> routes) {
        this.routes = routes;
    }

    public RouterFunction<ServerResponse> routes() {
        return routes;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects one feature's endpoints. */
    public static final class Builder {

        private RouterFunction<ServerResponse> routes;

        private Builder() {
        }

        public Builder get(String path, TaxiiSection endpoint, HandlerFunction<ServerResponse> handler) {
            return add(HttpMethod.GET, path, endpoint, handler);
        }

        public Builder post(String path, TaxiiSection endpoint, HandlerFunction<ServerResponse> handler) {
            return add(HttpMethod.POST, path, endpoint, handler);
        }

        public Builder delete(String path, TaxiiSection endpoint, HandlerFunction<ServerResponse> handler) {
            return add(HttpMethod.DELETE, path, endpoint, handler);
        }

        private Builder add(HttpMethod method, String path, TaxiiSection endpoint, HandlerFunction<ServerResponse> handler) {
            Function<String, RequestPredicate> on = p -> RequestPredicates.method(method).and(RequestPredicates.path(p));
            RouterFunction<ServerResponse> route = RouterFunctions.route(on.apply(path + "/").or(on.apply(path)), handler);
            // Matching happens before any filter runs: the edge's checks already know which endpoint they refuse for.
            RouterFunction<ServerResponse> tagged = request -> route.route(request)
                    .doOnNext(matched -> request.attributes().put(TaxiiSection.ENDPOINT_ATTRIBUTE, endpoint));
            routes = routes == null ? tagged : routes.and(tagged);
            return this;
        }

        public TaxiiRoutes build() {
            if (routes == null) {
                throw new IllegalStateException("a feature contributes at least one TAXII endpoint");
            }
            return new TaxiiRoutes(routes);
        }
    }
}
