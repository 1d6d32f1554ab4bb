package org.trilateral.exchange.dev;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.trilateral.exchange.database.DatabaseProperties;

class DevIdentityProviderTest {

    private static DatabaseProperties database(String url) {
        return new DatabaseProperties(url, "u", "p", new DatabaseProperties.Embedded(Path.of("data/postgres"), 0, true,
                Duration.ofSeconds(60), Duration.ofSeconds(60)),
                new DatabaseProperties.Pool(1, 2), new DatabaseProperties.PagePool(1, 2));
    }

    @Test
    void requireLocalDatabaseWhenEmbeddedOrLoopbackThenStarts() {
        assertThatCode(() -> DevIdentityProvider.requireLocalDatabase(database(""))).doesNotThrowAnyException();
        assertThatCode(() -> DevIdentityProvider.requireLocalDatabase(database("r2dbc:postgresql://localhost:5432/x"))).doesNotThrowAnyException();
        assertThatCode(() -> DevIdentityProvider.requireLocalDatabase(database("r2dbc:postgresql://127.0.0.1:5432/x"))).doesNotThrowAnyException();
    }

    @Test
    void requireLocalDatabaseWhenRemoteHostThenRefusesToStart() {
        assertThatThrownBy(() -> DevIdentityProvider.requireLocalDatabase(database("r2dbc:postgresql://db.exchange.example:5432/x")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("db.exchange.example")
                .hasMessageContaining("exchange.dev.enabled");
        assertThatThrownBy(() -> DevIdentityProvider.requireLocalDatabase(database("r2dbc:postgresql://10.0.0.5:5432/x")))
                .isInstanceOf(IllegalStateException.class);
    }
}
