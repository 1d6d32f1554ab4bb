package org.trilateral.exchange.oprf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.trilateral.exchange.member.Nation;
import org.trilateral.exchange.member.Role;
import org.trilateral.exchange.support.ExchangeIntegrationTest;
import org.trilateral.integrity.oprf.Element;
import org.trilateral.taxonomy.persona.EmailIdentifiers;
import org.trilateral.taxonomy.persona.KeyEpoch;
import org.trilateral.taxonomy.persona.PersonaTokenClient;
import org.trilateral.taxonomy.persona.TaggedIdentifier;
import org.trilateral.taxonomy.vocabulary.Sector;

/** Per-member quotas on evaluations: counted in elements, per member, answered with 429 and Retry-After. */
@TestPropertySource(properties = {"exchange.oprf.quota.per-hour=4", "exchange.oprf.quota.per-day=6",
        "exchange.oprf.max-elements=3"})
class EvaluationQuotaTest extends ExchangeIntegrationTest {

    private static final KeyEpoch ONE = new KeyEpoch(1);

    private WebTestClient.ResponseSpec ask(WebTestClient client, int count) {
        String keys = client.get().uri(OprfRoutes.KEYS_PATH).exchange().expectBody(String.class).returnResult().getResponseBody();
        Element publicKey = OprfTestRequests.publicKey(keys, ONE);
        List<TaggedIdentifier> identifiers = java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> EmailIdentifiers.normalise("applicant" + i + "@example.com")).toList();
        String body = OprfTestRequests.body(PersonaTokenClient.create(ONE, publicKey).blind(identifiers));
        return client.post().uri(OprfRoutes.EVALUATE_PATH).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    @Test
    void evaluateWhenHourlyQuotaUsedThen429WithRetryAfterAndOtherMembersUnaffected() {
        TestMember heavy = register("quota-heavy", Nation.US, Sector.DEFENCE, Role.CONSUMER);
        TestMember light = register("quota-light", Nation.JP, Sector.PAYMENT_PROVIDER, Role.CONSUMER);
        ask(heavy.client(), 3).expectStatus().isOk();

        String retryAfter = ask(heavy.client(), 2)
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(429)
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("quota of 4 per hour leaves 1"))
                .returnResult().getResponseHeaders().getFirst("Retry-After");
        assertThat(Long.parseLong(retryAfter)).isBetween(1L, 3600L);

        ask(heavy.client(), 1).expectStatus().isOk();
        ask(light.client(), 3).expectStatus().isOk();
        client().get().uri("/admin/oprf/evaluations").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.members[?(@.member == 'quota-heavy')].evaluations_last_hour").isEqualTo(4)
                .jsonPath("$.members[?(@.member == 'quota-heavy')].refused_requests").isEqualTo(1)
                .jsonPath("$.members[?(@.member == 'quota-light')].evaluations_last_hour").isEqualTo(3);
    }

    @Test
    void evaluateWhenMoreElementsThanOneRequestMayCarryThenBadRequest() {
        ask(client(), 4).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("at most 3"));
    }
}
