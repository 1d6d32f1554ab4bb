package org.trilateral.exchange.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.trilateral.exchange.member.Nation;
import org.trilateral.exchange.member.Role;
import org.trilateral.exchange.support.ExchangeIntegrationTest;
import org.trilateral.exchange.taxii.Taxii;
import org.trilateral.taxonomy.vocabulary.Sector;

/**
 * A member over its limit gets 429 with Retry-After on any surface, in that surface's error shape, and is counted;
 * other members are not affected. The limit refills so slowly here that no test depends on time passing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "exchange.rate-limit.requests-per-second=0.001",
        "exchange.rate-limit.burst=5",
        "exchange.rate-limit.members." + ExchangeIntegrationTest.MEMBER + ".requests-per-second=1000",
        "exchange.rate-limit.members." + ExchangeIntegrationTest.MEMBER + ".burst=1000",
        "exchange.rate-limit.tiles.requests-per-second=0.001",
        "exchange.rate-limit.tiles.burst=3"})
class RateLimitTest extends ExchangeIntegrationTest {

    @Test
    void anyRouteWhenMemberOverItsLimitThen429WithRetryAfterInTheSurfacesShape() {
        TestMember busy = register("busy-member", Nation.KR, Sector.GOVERNMENT, Role.CONSUMER);
        Taxii taxii = new Taxii(busy.client());
        // Registration spent some of the member's burst of 5 already; within 6 more requests the limit is reached.
        int allowed = 0;
        while (allowed <= 5 && taxii.get("/taxii2/").returnResult(byte[].class).getStatus().value() == 200) {
            allowed++;
        }
        assertThat(allowed).isLessThanOrEqualTo(5);

        taxii.get("/taxii2/").expectStatus().isEqualTo(429)
                // One request per 1000 s: the next is allowed in about 1000 s, less the time the test took so far.
                .expectHeader().value("Retry-After", wait -> assertThat(Long.parseLong(wait)).isBetween(600L, 1000L))
                .expectHeader().valueEquals("Content-Type", "application/taxii+json;version=2.1")
                .expectBody().jsonPath("$.description").value(d -> assertThat((String) d)
                        .contains("'busy-member' is over its rate limit"));
        busy.client().get().uri("/taxonomy").exchange().expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("Retry-After");

        // The default member has a limit of its own, and is not slowed by another member's use.
        new Taxii(client()).get("/taxii2/").expectStatus().isOk();
        byte[] metrics = client().get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        assertThat(new String(metrics, StandardCharsets.UTF_8))
                .containsPattern("exchange_rate_limited_total\\{[^}]*member=\"busy-member\"[^}]*} 3\\.0")
                .containsPattern("exchange_member_requests_total\\{[^}]*member=\"busy-member\"[^}]*} [0-9]+\\.0");
    }

    @Test
    void logTilesWhenGeneralBucketIsEmptyThenDrawFromTheirOwnBucketWithItsOwnLimit() {
        TestMember verifier = register("tile-reader", Nation.JP, Sector.PAYMENT_PROVIDER, Role.CONSUMER);
        Taxii taxii = new Taxii(verifier.client());
        int spent = 0;
        while (spent <= 5 && taxii.get("/taxii2/").returnResult(byte[].class).getStatus().value() == 200) {
            spent++;
        }
        taxii.get("/taxii2/").expectStatus().isEqualTo(429);
        // Tiles and entry bundles are not refused for that: their bucket is separate (burst 3). Entry bundle 999 does
        // not exist yet, so each admitted read is a 404.
        for (int i = 0; i < 3; i++) {
            verifier.client().get().uri("/log/tile/entries/999").exchange().expectStatus().isNotFound();
        }
        verifier.client().get().uri("/log/tile/entries/999").exchange().expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After")
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d)
                        .contains("'tile-reader' is over its rate limit (exchange.rate-limit.tiles)"));
    }
}
