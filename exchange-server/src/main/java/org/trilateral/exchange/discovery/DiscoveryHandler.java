package org.trilateral.exchange.discovery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.UriComponentsBuilder;
import org.trilateral.exchange.taxii.TaxiiMediaTypes;
import org.trilateral.exchange.taxii.TaxiiProperties;
import org.trilateral.exchange.taxii.TaxiiResponses;
import reactor.core.publisher.Mono;

/** Answers {@code GET /taxii2/} and {@code GET /{api-root}/}. */
@Component
class DiscoveryHandler {

    private final TaxiiProperties properties;

    DiscoveryHandler(TaxiiProperties properties) {
        this.properties = properties;
    }

    /** §4.1.1: the server's title and its API roots as absolute URLs. */
    Mono<ServerResponse> discovery(ServerRequest request) {
        String root = UriComponentsBuilder.fromUri(request.uri()).replacePath(properties.apiRoot().base() + "/")
                .replaceQuery(null).build().toUriString();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", properties.title());
        body.put("description", properties.description());
        if (!properties.contact().isBlank()) {
            body.put("contact", properties.contact());
        }
        body.put("default", root);
        body.put("api_roots", List.of(root));
        return TaxiiResponses.resource(HttpStatus.OK, body);
    }

    /** §4.2.1: the API root's description, the TAXII versions it speaks and the largest body it accepts. */
    Mono<ServerResponse> apiRoot(ServerRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", properties.apiRoot().title());
        body.put("description", properties.apiRoot().description());
        body.put("versions", List.of(TaxiiMediaTypes.TAXII_VALUE));
        body.put("max_content_length", properties.limits().maxContentLength().toBytes());
        return TaxiiResponses.resource(HttpStatus.OK, body);
    }
}
