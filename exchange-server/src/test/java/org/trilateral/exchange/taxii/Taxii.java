package org.trilateral.exchange.taxii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.trilateral.exchange.support.StixSchemas;
import org.trilateral.exchange.support.TestStix;
import org.trilateral.integrity.jcs.CanonicalizationException;
import org.trilateral.integrity.jws.SigningKey;
import org.trilateral.taxonomy.extension.ExchangeExtensions;
import org.trilateral.taxonomy.stix.StixJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * TAXII calls the tests make, with the headers a TAXII 2.1 client sends. {@link #publish} signs, as a member's
 * client does, every object of the envelope that carries no signature yet, with the calling member's key;
 * {@link #post} sends the envelope exactly as given.
 */
public final class Taxii {

    public static final String ROOT = "/trilateral/";
    public static final String INDICATORS = ROOT + "collections/indicators/";
    public static final String SIGHTINGS = ROOT + "collections/sightings/";
    public static final String ADVISORIES = ROOT + "collections/advisories/";

    private static final Optional<StixSchemas> SCHEMAS = StixSchemas.load();

    private final WebTestClient client;
    private final SigningKey key;

    /** Calls with {@code client}, signing with the default test member's key. */
    public Taxii(WebTestClient client) {
        this(client, TestStix.MEMBER_KEY);
    }

    /** Calls with {@code client}, signing with {@code key} (the key of the member the client calls as). */
    public Taxii(WebTestClient client, SigningKey key) {
        this.client = client;
        this.key = key;
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

    /** Signs the envelope's unsigned objects, POSTs it and answers the status resource, asserting 202. */
    public JsonNode publish(String collectionPath, String envelope) {
        byte[] body = post(collectionPath + "objects/", signed(envelope)).expectStatus().isAccepted()
                .expectHeader().valueEquals("Content-Type", TaxiiMediaTypes.TAXII_VALUE)
                .expectBody().returnResult().getResponseBody();
        return TestStix.parse(new String(body, java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * The envelope with each object that has no signature extension signed. What cannot be signed (an envelope that
     * is not JSON, an object that is not a JSON object or not I-JSON) is left as it is, for the exchange to refuse.
     */
    private String signed(String envelope) {
        JsonNode parsed;
        try {
            parsed = StixJson.mapper().readTree(envelope);
        } catch (JacksonException e) {
            return envelope;
        }
        if (!parsed.path("objects").isArray()) {
            return envelope;
        }
        for (JsonNode object : parsed.get("objects")) {
            if (object instanceof ObjectNode node
                    && !node.path("extensions").has(ExchangeExtensions.OBJECT_SIGNATURE_ID)) {
                try {
                    TestStix.sign(node, key);
                } catch (CanonicalizationException | IllegalArgumentException e) {
                    // Left unsigned: the exchange refuses it for what is wrong with it.
                }
            }
        }
        return StixJson.mapper().writeValueAsString(parsed);
    }
}
