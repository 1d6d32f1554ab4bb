package org.trilateral.exchange.support;

import java.time.Duration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of the integration tests: the whole exchange on a random port, over real HTTP, against a fresh
 * database of the shared embedded PostgreSQL. The context is closed after each class, so every class starts on
 * an empty database of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public abstract class ExchangeIntegrationTest {

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = TestDatabase.newDatabaseUrl();
        registry.add("exchange.database.url", () -> url);
        registry.add("exchange.database.username", () -> "postgres");
        registry.add("exchange.database.password", () -> "postgres");
        registry.add("exchange.database.pool.initial-size", () -> "1");
        registry.add("exchange.database.pool.max-size", () -> "6");
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    protected WebTestClient client() {
        return WebTestClient.bindToServer()
                .baseUrl(baseUrl())
                .responseTimeout(Duration.ofSeconds(30))
                .codecs(c -> c.defaultCodecs().maxInMemorySize(64 * 1024 * 1024))
                .build();
    }
}
