package org.trilateral.exchange.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.trilateral.exchange.member.Nation;
import org.trilateral.exchange.member.Role;
import org.trilateral.exchange.support.ExchangeIntegrationTest;
import org.trilateral.exchange.support.TestStix;
import org.trilateral.exchange.taxii.Taxii;
import org.trilateral.taxonomy.vocabulary.Sector;

/** The health probes and the Prometheus metrics, on the exchange's own port (no management port configured). */
class OperationsEndpointsTest extends ExchangeIntegrationTest {

    private String prometheus() {
        byte[] body = client().get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        return new String(body, StandardCharsets.UTF_8);
    }

    @Test
    void readinessWhenDatabaseLogAndIssuersAreUpThenUpWithoutAToken() {
        // A token first, so the test issuer's key set has been fetched once.
        new Taxii(client()).get("/taxii2/").expectStatus().isOk();

        anonymousClient().get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.r2dbc.status").isEqualTo("UP")
                .jsonPath("$.components.transparencyLog.status").isEqualTo("UP")
                .jsonPath("$.components.identityProviders.status").isEqualTo("UP");
    }

    @Test
    void livenessWhenRunningThenUpWithoutAToken() {
        anonymousClient().get().uri("/actuator/health/liveness").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void prometheusWhenNoTokenThen401AndWhenNotAdminThen403NamingTheRole() {
        anonymousClient().get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
        TestMember consumer = register("metrics-consumer", Nation.JP, Sector.GOVERNMENT, Role.CONSUMER);

        consumer.client().get().uri("/actuator/prometheus").exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("'admin' role"));
    }

    @Test
    void prometheusWhenAdminThenRequestsIngestLogSizeAndRefusals() {
        taxii().publish(Taxii.INDICATORS, TestStix.envelope(TestStix.indicator()));
        anonymousClient().get().uri("/taxii2/").exchange().expectStatus().isUnauthorized();

        String metrics = prometheus();

        assertThat(metrics)
                .contains("http_server_requests_seconds_count")
                .containsPattern("exchange_ingest_objects_total\\{[^}]*outcome=\"accepted\"[^}]*} 1\\.0")
                .containsPattern("exchange_log_size\\{[^}]*} ")
                .containsPattern("exchange_security_refusals_total\\{[^}]*reason=\"missing\"[^}]*status=\"401\"");
    }
}
