package org.trilateral.exchange.reference;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.trilateral.exchange.error.Refusal;
import org.trilateral.exchange.taxii.TaxiiMediaTypes;
import org.trilateral.taxonomy.ExchangeIdentity;
import org.trilateral.taxonomy.extension.ExchangeExtensions;
import org.trilateral.taxonomy.marking.Tlp;
import org.trilateral.taxonomy.seed.SeedBundle;
import org.trilateral.taxonomy.stix.StixJson;
import org.trilateral.taxonomy.vocabulary.ExchangeVocabularies;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * Serves the exchange's taxonomy as plain JSON for tools that do not speak TAXII: the extension definitions and
 * their JSON schemas, the vocabularies, the TLP 2.0 marking definitions and the seed bundle.
 */
@Component
class TaxonomyHandler {

    private static final MediaType STIX = TaxiiMediaTypes.STIX;
    private static final MediaType SCHEMA = MediaType.parseMediaType("application/schema+json");

    Mono<ServerResponse> index(ServerRequest request) {
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("identity", ExchangeIdentity.ID);
        index.put("extension_definitions", ExchangeExtensions.all().stream().map(d -> Map.of(
                "id", d.get("id").asString(),
                "name", d.get("name").asString(),
                "href", "/taxonomy/extension-definitions/" + d.get("id").asString(),
                "schema_href", "/taxonomy/extension-definitions/" + d.get("id").asString() + "/schema")).toList());
        index.put("vocabularies", "/taxonomy/vocabularies");
        index.put("markings", "/taxonomy/markings");
        index.put("seed", "/taxonomy/seed");
        return json(MediaType.APPLICATION_JSON, index);
    }

    Mono<ServerResponse> extensionDefinitions(ServerRequest request) {
        return json(STIX, bundle(ExchangeExtensions.all()));
    }

    Mono<ServerResponse> extensionDefinition(ServerRequest request) {
        String id = request.pathVariable("id");
        return ExchangeExtensions.byId(id).map(d -> json(STIX, d)).orElseGet(() -> Mono.error(unknown(id)));
    }

    Mono<ServerResponse> extensionSchema(ServerRequest request) {
        String id = request.pathVariable("id");
        return ExchangeExtensions.jsonSchema(id).map(s -> json(SCHEMA, s)).orElseGet(() -> Mono.error(unknown(id)));
    }

    Mono<ServerResponse> vocabularies(ServerRequest request) {
        return json(MediaType.APPLICATION_JSON, ExchangeVocabularies.toJson());
    }

    Mono<ServerResponse> markings(ServerRequest request) {
        return json(STIX, bundle(List.of(Tlp.values()).stream().map(Tlp::markingDefinition).toList()));
    }

    Mono<ServerResponse> seed(ServerRequest request) {
        return json(STIX, SeedBundle.load());
    }

    private static ObjectNode bundle(List<ObjectNode> objects) {
        ObjectNode bundle = StixJson.mapper().createObjectNode();
        bundle.put("type", "bundle");
        bundle.put("id", "bundle--" + java.util.UUID.nameUUIDFromBytes(
                objects.stream().map(o -> o.get("id").asString()).reduce("", String::concat).getBytes()));
        bundle.putArray("objects").addAll(objects);
        return bundle;
    }

    private static Refusal unknown(String id) {
        return Refusal.notFound("no extension definition '" + id + "' in this exchange");
    }

    private static Mono<ServerResponse> json(MediaType type, Object body) {
        return ServerResponse.ok().contentType(type).bodyValue(StixJson.mapper().writeValueAsBytes(body));
    }
}
