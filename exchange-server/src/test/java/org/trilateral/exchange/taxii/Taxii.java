package org.trilateral.exchange.taxii;

import org.springframework.test.web.reactive.server.WebTestClient;
import org.trilateral.exchange.support.TestStix;
import tools.jackson.databind.JsonNode;

/** TAXII calls the tests make, with the headers a TAXII 2.1 client sends. */
public final class Taxii {

    public static final String ROOT = "/trilateral/";
    public static final String INDICATORS = ROOT + "collections/indicators/";

    private final WebTestClient client;

    public Taxii(WebTestClient client) {
        this.client = client;
    }

    public WebTestClient.ResponseSpec get(String path) {
        return client.get().uri(path).header("Accept", TaxiiMediaTypes.TAXII_VALUE).exchange();
    }

    public JsonNode getJson(String path) {
        byte[] body = get(path).expectStatus().isOk().expectBody().returnResult().getResponseBody();
        return TestStix.parse(new String(body, java.nio.charset.StandardCharsets.UTF_8));
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
