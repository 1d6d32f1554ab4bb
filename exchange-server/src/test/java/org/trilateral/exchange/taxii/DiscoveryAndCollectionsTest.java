package org.trilateral.exchange.taxii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.trilateral.exchange.support.ExchangeIntegrationTest;
import tools.jackson.databind.JsonNode;

class DiscoveryAndCollectionsTest extends ExchangeIntegrationTest {

    @Test
    void discoveryWhenRequestedThenListsTheApiRootAsAbsoluteUrl() {
        Taxii taxii = new Taxii(client());
        taxii.get("/taxii2/").expectStatus().isOk()
                .expectHeader().valueEquals("Content-Type", "application/taxii+json;version=2.1");
        JsonNode discovery = taxii.getJson("/taxii2/");
        assertThat(discovery.get("title").asString()).isEqualTo("Trilateral Indicator Exchange");
        assertThat(discovery.get("default").asString()).isEqualTo(baseUrl() + "/trilateral/");
        assertThat(discovery.get("api_roots").get(0).asString()).isEqualTo(baseUrl() + "/trilateral/");
    }

    @Test
    void apiRootWhenRequestedThenGivesVersionAndMaxContentLength() {
        JsonNode root = new Taxii(client()).getJson(Taxii.ROOT);
        assertThat(root.get("versions").get(0).asString()).isEqualTo("application/taxii+json;version=2.1");
        assertThat(root.get("max_content_length").asLong()).isEqualTo(10L * 1024 * 1024);
    }

    @Test
    void collectionsWhenDefaultConfigurationThenIndicatorsAdvisoriesAndSightingsExist() {
        JsonNode collections = new Taxii(client()).getJson(Taxii.ROOT + "collections/").get("collections");
        List<String> aliases = new ArrayList<>();
        collections.forEach(c -> aliases.add(c.get("alias").asString()));
        assertThat(aliases).containsExactly("indicators", "advisories", "sightings", "reference");
        JsonNode first = collections.get(0);
        assertThat(first.get("id").asString()).matches("[0-9a-f-]{36}");
        assertThat(first.get("can_read").asBoolean()).isTrue();
        assertThat(first.get("media_types").get(0).asString()).isEqualTo("application/stix+json;version=2.1");
    }

    @Test
    void collectionWhenAddressedByIdOrAliasThenSameResource() {
        Taxii taxii = new Taxii(client());
        JsonNode byAlias = taxii.getJson(Taxii.ROOT + "collections/advisories/");
        JsonNode byId = taxii.getJson(Taxii.ROOT + "collections/" + byAlias.get("id").asString() + "/");
        assertThat(byId).isEqualTo(byAlias);
        assertThat(byAlias.get("title").asString()).isEqualTo("Advisories");
    }

    @Test
    void collectionWhenUnknownThen404WithTaxiiError() {
        new Taxii(client()).get(Taxii.ROOT + "collections/nope/").expectStatus().isNotFound()
                .expectHeader().valueEquals("Content-Type", "application/taxii+json;version=2.1")
                .expectBody()
                .jsonPath("$.http_status").isEqualTo("404")
                .jsonPath("$.title").isEqualTo("Not Found")
                .jsonPath("$.description").isEqualTo("no collection 'nope' in this API root");
    }

    @Test
    void errorsWhenRefusedThenTaxiiErrorCitesTheSectionOfTheRuleOrEndpoint() {
        Taxii taxii = new Taxii(client());
        taxii.get(Taxii.ROOT + "collections/nope/objects/").expectStatus().isNotFound()
                .expectBody().jsonPath("$.details.section").isEqualTo("TAXII 2.1 §5.4 Get Objects")
                .jsonPath("$.external_details").isEqualTo("https://docs.oasis-open.org/cti/taxii/v2.1/os/taxii-v2.1-os.html");
        taxii.get(Taxii.ROOT + "collections/indicators/manifest/?limit=0").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.details.section").isEqualTo("TAXII 2.1 §3.4 Pagination");
        taxii.get(Taxii.ROOT + "status/" + UUID.randomUUID() + "/").expectStatus().isNotFound()
                .expectBody().jsonPath("$.details.section").isEqualTo("TAXII 2.1 §4.3 Get Status");
        client().get().uri("/taxii2/").header("Accept", "application/json").exchange().expectStatus().isEqualTo(406)
                .expectBody().jsonPath("$.details.section").isEqualTo("TAXII 2.1 §1.6.8 Media Types");
    }

    @Test
    void pathWhenNoSurfaceMatchesThen401ProblemEvenWithValidToken() {
        // The final deny-all chain: a path outside TAXII and the admin API is refused before any route is looked up.
        new Taxii(client()).get("/other-root/").expectStatus().isUnauthorized()
                .expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.status").isEqualTo(401);
    }

    @Test
    void discoveryWhenAcceptIsPlainJsonThen406WithTaxiiError() {
        client().get().uri("/taxii2/").header("Accept", "application/json").exchange()
                .expectStatus().isEqualTo(406)
                .expectHeader().valueEquals("Content-Type", "application/taxii+json;version=2.1")
                .expectBody().jsonPath("$.http_status").isEqualTo("406")
                .jsonPath("$.description").value(d -> assertThat((String) d).contains("application/taxii+json;version=2.1"));
    }

    @Test
    void discoveryWhenAcceptNamesAnotherTaxiiVersionThen406() {
        client().get().uri("/taxii2/").header("Accept", "application/taxii+json;version=2.0").exchange()
                .expectStatus().isEqualTo(406);
    }

    @Test
    void discoveryWhenAcceptHasNoVersionThenServedAsLatest() {
        client().get().uri("/taxii2/").header("Accept", "application/taxii+json").exchange()
                .expectStatus().isOk();
    }

    @Test
    void collectionWhenPathLacksTrailingSlashThenStillServed() {
        new Taxii(client()).get(Taxii.ROOT + "collections/indicators").expectStatus().isOk();
    }
}
