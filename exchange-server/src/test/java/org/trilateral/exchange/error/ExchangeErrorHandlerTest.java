package org.trilateral.exchange.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ResponseStatusException;
import org.trilateral.exchange.taxii.TaxiiException;
import org.trilateral.exchange.taxii.TaxiiSection;
import org.trilateral.taxonomy.stix.StixJson;
import tools.jackson.databind.JsonNode;

/** Unit tests of the one place that answers refusals: which shape, which status, which section is cited. */
class ExchangeErrorHandlerTest {

    private final ExchangeErrorHandler handler = new ExchangeErrorHandler();

    private static MockServerWebExchange get(String path) {
        return MockServerWebExchange.from(MockServerHttpRequest.get(path));
    }

    private JsonNode answer(MockServerWebExchange exchange, Throwable failure) {
        handler.handle(exchange, failure).block();
        return StixJson.mapper().readTree(exchange.getResponse().getBodyAsString().block());
    }

    @Test
    void handleWhenTaxiiRefusalCitesARuleThenTaxiiErrorMessageCitesThatSection() {
        MockServerWebExchange exchange = get("/trilateral/collections/indicators/objects/");
        exchange.getAttributes().put(TaxiiSection.ENDPOINT_ATTRIBUTE, TaxiiSection.GET_OBJECTS);

        JsonNode body = answer(exchange, TaxiiException.badRequest(TaxiiSection.PAGINATION, "bad cursor"));

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(exchange.getResponse().getHeaders().getFirst("Content-Type"))
                .isEqualTo("application/taxii+json;version=2.1");
        assertThat(body.get("http_status").stringValue()).isEqualTo("400");
        assertThat(body.get("error_code").stringValue()).isEqualTo("bad-request");
        assertThat(body.get("details").get("section").stringValue()).isEqualTo("TAXII 2.1 §3.4 Pagination");
        assertThat(body.get("external_details").stringValue()).isEqualTo(TaxiiSection.SPECIFICATION);
    }

    @Test
    void handleWhenDomainRefusalOnTaxiiRouteThenItCitesTheMatchedEndpoint() {
        MockServerWebExchange exchange = get("/trilateral/collections/nope/");
        exchange.getAttributes().put(TaxiiSection.ENDPOINT_ATTRIBUTE, TaxiiSection.GET_COLLECTION);

        JsonNode body = answer(exchange, Refusal.notFound("no collection 'nope'"));

        assertThat(body.get("http_status").stringValue()).isEqualTo("404");
        assertThat(body.get("description").stringValue()).isEqualTo("no collection 'nope'");
        assertThat(body.get("details").get("section").stringValue()).isEqualTo("TAXII 2.1 §5.2 Get A Collection");
    }

    @Test
    void handleWhenNoRouteMatchedThenTaxiiErrorCitesTheErrorMessageSection() {
        MockServerWebExchange exchange = get("/trilateral/nothing-here/");

        JsonNode body = answer(exchange, new ResponseStatusException(HttpStatus.NOT_FOUND));

        assertThat(body.get("description").stringValue()).isEqualTo("no TAXII resource at /trilateral/nothing-here/");
        assertThat(body.get("error_code").stringValue()).isEqualTo("not-found");
        assertThat(body.get("details").get("section").stringValue()).isEqualTo("TAXII 2.1 §3.6.1 Error Message");
    }

    @Test
    void handleWhenRefusalOnAdminApiThenProblemDetailsNamingTheField() {
        MockServerWebExchange exchange = get("/admin/members");

        JsonNode body = answer(exchange, Refusal.invalid("nation", "'nation' is required"));

        assertThat(exchange.getResponse().getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(body.get("type").stringValue()).isEqualTo("about:blank");
        assertThat(body.get("title").stringValue()).isEqualTo("Bad Request");
        assertThat(body.get("status").intValue()).isEqualTo(400);
        assertThat(body.get("detail").stringValue()).isEqualTo("'nation' is required");
        assertThat(body.get("instance").stringValue()).isEqualTo("/admin/members");
        assertThat(body.get("field").stringValue()).isEqualTo("nation");
    }

    @Test
    void handleWhenConflictThen409() {
        MockServerWebExchange exchange = get("/admin/members/x/keys");

        answer(exchange, Refusal.conflict("kid taken"));

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void handleWhenUnexpectedThen500WithoutTheCause() {
        MockServerWebExchange exchange = get("/log/checkpoint");

        JsonNode body = answer(exchange, new IllegalStateException("secret internals"));

        assertThat(body.get("status").intValue()).isEqualTo(500);
        assertThat(body.toString()).doesNotContain("secret internals");
    }
}
