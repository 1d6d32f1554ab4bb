package org.trilateral.exchange.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.trilateral.exchange.support.ExchangeIntegrationTest;

/** With {@code management.server.port} set, the metrics are on that (private) port, without a token, and not on the exchange's. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
class ManagementPortTest extends ExchangeIntegrationTest {

    @LocalManagementPort
    int managementPort;

    @Test
    void prometheusWhenOnTheManagementPortThenServedWithoutAToken() {
        assertThat(managementPort).isNotEqualTo(port);
        WebTestClient management = WebTestClient.bindToServer().baseUrl("http://localhost:" + managementPort)
                .responseTimeout(Duration.ofSeconds(30)).build();

        byte[] body = management.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody();

        assertThat(new String(body, StandardCharsets.UTF_8)).contains("exchange_log_size");
        management.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
    }

    @Test
    void prometheusWhenOnTheExchangesPortThenNotServed() {
        client().get().uri("/actuator/prometheus").exchange().expectStatus().isNotFound();
    }
}
