package org.trilateral.exchange.support;

import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * One real PostgreSQL per test JVM, started on first use and shared; each test class gets a database of its
 * own, so classes never see each other's data. It is explicitly not durable (fsync, synchronous_commit and
 * full_page_writes off), as {@code exchange.database.embedded.durable=false} makes the exchange's own server: tests
 * need speed, not data that outlives a crash of the machine.
 */
public final class TestDatabase {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestDatabase() {
    }

    private static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "300")
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the embedded PostgreSQL for tests", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the temporary data directory is removed by the library
                }
            }));
        }
        return postgres;
    }

    /** Creates a new, empty database and answers its R2DBC URL. */
    public static String newDatabaseUrl() {
        EmbeddedPostgres server = server();
        String name = "exchange_test_" + COUNTER.incrementAndGet() + "_" + ProcessHandle.current().pid();
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        return "r2dbc:postgresql://localhost:" + server.getPort() + "/" + name;
    }

    /** A client of a new, empty database, for tests of SQL without the exchange around it. */
    public static DatabaseClient newDatabaseClient() {
        ConnectionFactoryOptions options = ConnectionFactoryOptions.parse(newDatabaseUrl()).mutate()
                .option(ConnectionFactoryOptions.USER, "postgres")
                .option(ConnectionFactoryOptions.PASSWORD, "postgres")
                .build();
        return DatabaseClient.create(ConnectionFactories.get(options));
    }
}
