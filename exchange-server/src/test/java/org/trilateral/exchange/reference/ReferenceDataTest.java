package org.trilateral.exchange.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trilateral.exchange.support.ExchangeIntegrationTest;
import org.trilateral.exchange.support.TestStix;
import org.trilateral.exchange.taxii.Taxii;
import org.trilateral.taxonomy.ExchangeIdentity;
import org.trilateral.taxonomy.extension.ExchangeExtensions;
import org.trilateral.taxonomy.marking.Tlp;
import tools.jackson.databind.JsonNode;

class ReferenceDataTest extends ExchangeIntegrationTest {

    private static final String REFERENCE = Taxii.ROOT + "collections/reference/";

    @Test
    void referenceCollectionWhenExchangeStartsThenHoldsIdentityExtensionsMarkingsAndSeedFacts() {
        JsonNode envelope = new Taxii(client()).getJson(REFERENCE + "objects/?limit=1000");
        List<String> ids = new ArrayList<>();
        List<String> names = new ArrayList<>();
        envelope.get("objects").forEach(o -> {
            ids.add(o.get("id").asString());
            names.add(o.path("name").asString(""));
        });
        assertThat(ids).contains(ExchangeIdentity.ID, ExchangeExtensions.CRYPTOCURRENCY_WALLET_ID,
                ExchangeExtensions.PERSONA_IDENTIFIER_ID, ExchangeExtensions.FACILITATOR_INFRASTRUCTURE_ID,
                ExchangeExtensions.OBJECT_SIGNATURE_ID, Tlp.RED.id(), Tlp.AMBER_STRICT.id());
        assertThat(names).contains("Vitaliy Sergeyevich Andreyev", "Kim Ung Sun");
        assertThat(names).anyMatch(n -> n.contains("Shenyang Geumpungri"));
        assertThat(names).anyMatch(n -> n.contains("Korea Sinjin"));
        assertThat(envelope.get("more").asBoolean()).isFalse();
    }

    @Test
    void referenceCollectionWhenClientPostsThen403AndItIsAdvertisedReadOnly() {
        Taxii taxii = new Taxii(client());
        taxii.post(REFERENCE + "objects/", TestStix.envelope(TestStix.indicator()))
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.http_status").isEqualTo("403");
        assertThat(taxii.getJson(REFERENCE).get("can_write").asBoolean()).isFalse();
    }

    @Test
    void taxonomyEndpointsWhenRequestedThenServeDefinitionsSchemasVocabulariesMarkingsAndSeed() {
        client().get().uri("/taxonomy/extension-definitions/" + ExchangeExtensions.CRYPTOCURRENCY_WALLET_ID)
                .exchange().expectStatus().isOk()
                .expectHeader().valueEquals("Content-Type", "application/stix+json;version=2.1")
                .expectBody().jsonPath("$.type").isEqualTo("extension-definition")
                .jsonPath("$.created_by_ref").isEqualTo(ExchangeIdentity.ID);
        client().get().uri("/taxonomy/extension-definitions/" + ExchangeExtensions.PERSONA_IDENTIFIER_ID + "/schema")
                .exchange().expectStatus().isOk()
                .expectHeader().valueEquals("Content-Type", "application/schema+json")
                .expectBody().jsonPath("$.properties").exists();
        client().get().uri("/taxonomy/extension-definitions").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.objects.length()").isEqualTo(ExchangeExtensions.all().size());
        client().get().uri("/taxonomy/vocabularies").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.vocabularies.tie-red-flag").isArray();
        client().get().uri("/taxonomy/markings").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.objects[?(@.id == '" + Tlp.CLEAR.id() + "')]").exists();
        client().get().uri("/taxonomy/seed").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.type").isEqualTo("bundle");
        anonymousClient().get().uri("/taxonomy/vocabularies").exchange().expectStatus().isUnauthorized()
                .expectHeader().valueEquals("Content-Type", "application/problem+json")
                .expectBody().jsonPath("$.status").isEqualTo(401);
        client().get().uri("/taxonomy/extension-definitions/extension-definition--00000000-0000-4000-8000-000000000000")
                .exchange().expectStatus().isNotFound()
                .expectHeader().valueEquals("Content-Type", "application/problem+json")
                .expectBody().jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("no extension definition"));
    }
}
