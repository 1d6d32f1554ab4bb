package org.trilateral.exchange.taxii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.trilateral.exchange.support.StixSchemas;
import org.trilateral.exchange.support.TestStix;
import tools.jackson.databind.JsonNode;

/** TAXII calls the tests make, with the headers a TAXII 2.1 client sends. */
public final class Taxii {

    public static final String ROOT = "/trilateral/";
    public static final String INDICATORS = ROOT + "collections/indicators/";
    public static final String SIGHTINGS = ROOT + "collections/sightings/";
    public static final String ADVISORIES = ROOT + "collections/advisories/";

    private static final Optional<StixSchemas> SCHEMAS = StixSchemas.load();

    private final WebTestClient client;

    public Taxii(WebTestClient client) {
        this.client = client;
    }

    public WebTestClient.ResponseSpec get(String path) {
        return client.get().uri(path).header("Accept", TaxiiMediaTypes.TAXII_VALUE).exchange();
    }

    /**
     * GETs a resource, asserting 200 and the TAXII media type. When the resource is an envelope, every STIX object
     * in it is checked against the OASIS STIX 2.1 JSON schemas (where shared/ is present).
     */
    public JsonNode getJson(String path) {
        byte[] body = get(path).expectStatus().isOk()
                .expectHeader().valueEquals("Content-Type", TaxiiMediaTypes.TAXII_VALUE)
                .expectBody().returnResult().getResponseBody();
        JsonNode json = TestStix.parse(new String(body, java.nio.charset.StandardCharsets.UTF_8));
        if (json.has("objects") && SCHEMAS.isPresent()) {
            for (JsonNode object : json.get("objects")) {
                if (!object.has("media_type")) {
                    assertThat(SCHEMAS.get().errors(object)).as("OASIS schema errors of %s", object.path("id")).isEmpty();
                }
            }
        }
        return json;
    }

    public WebTestClient.ResponseSpec post(String path, String envelope) {
        return client.post().uri(path)
                .header("Accept", TaxiiMediaTypes.TAXII_VALUE)
                .header("Content-Type", TaxiiMediaTypes.TAXII_VALUE)
                .bodyValue(envelope)
                .exchange();
    }

    /** POSTs and answers the status resource, asserting 202. */
    public JsonNode publish(String collectionPath, String envelope) {
        byte[] body = post(collectionPath + "objects/", envelope).expectStatus().isAccepted()
                .expectHeader().valueEquals("Content-Type", TaxiiMediaTypes.TAXII_VALUE)
                .expectBody().returnResult().getResponseBody();
        return TestStix.parse(new String(body, java.nio.charset.StandardCharsets.UTF_8));
    }
}
