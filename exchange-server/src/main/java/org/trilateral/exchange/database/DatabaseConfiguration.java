package org.trilateral.exchange.database;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.time.Duration;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Chooses the database (configured server, or an embedded one when none is configured), applies the
 * schema migrations over JDBC before anything else touches it, then opens the reactive pool.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean
    @ConditionalOnExpression("'${exchange.database.url:}'.isBlank()")
    EmbeddedPostgresServer embeddedPostgresServer(DatabaseProperties properties) {
        return EmbeddedPostgresServer.start(properties.embedded());
    }

    @Bean
    DatabaseEndpoint databaseEndpoint(DatabaseProperties properties, ObjectProvider<EmbeddedPostgresServer> embedded) {
        EmbeddedPostgresServer server = embedded.getIfAvailable();
        DatabaseEndpoint endpoint = server != null ? server.endpoint() : configured(properties);
        log.info("Using {}", endpoint.describe());
        Flyway.configure()
                .dataSource(endpoint.jdbcUrl(), endpoint.username(), endpoint.password())
                .locations("classpath:db/migration")
                .load()
                .migrate();
        return endpoint;
    }

    @Bean(destroyMethod = "dispose")
    ConnectionPool connectionFactory(DatabaseEndpoint endpoint, DatabaseProperties properties) {
        PostgresqlConnectionFactory factory = new PostgresqlConnectionFactory(PostgresqlConnectionConfiguration.builder()
                .host(endpoint.host())
                .port(endpoint.port())
                .database(endpoint.database())
                .username(endpoint.username())
                .password(endpoint.password())
                .applicationName("trilateral-exchange")
                .build());
        return new ConnectionPool(ConnectionPoolConfiguration.builder(factory)
                .initialSize(properties.pool().initialSize())
                .maxSize(Math.max(properties.pool().initialSize(), properties.pool().maxSize()))
                .maxIdleTime(Duration.ofMinutes(10))
                .build());
    }

    /** The paging pool ({@link PageReads}): its own connections, with the planner settings a page needs. */
    @Bean
    PageReads pageReads(DatabaseEndpoint endpoint, DatabaseProperties properties) {
        PostgresqlConnectionFactory factory = new PostgresqlConnectionFactory(PostgresqlConnectionConfiguration.builder()
                .host(endpoint.host())
                .port(endpoint.port())
                .database(endpoint.database())
                .username(endpoint.username())
                .password(endpoint.password())
                .applicationName("trilateral-exchange-pages")
                .options(java.util.Map.of("enable_bitmapscan", "off", "enable_sort", "off",
                        "max_parallel_workers_per_gather", "0"))
                .build());
        ConnectionPool pool = new ConnectionPool(ConnectionPoolConfiguration.builder(factory)
                .initialSize(properties.pagePool().initialSize())
                .maxSize(Math.max(properties.pagePool().initialSize(), properties.pagePool().maxSize()))
                .maxIdleTime(Duration.ofMinutes(10))
                .build());
        return new PageReads(DatabaseClient.create(pool));
    }

    @Bean
    DatabaseClient databaseClient(ConnectionFactory connectionFactory) {
        return DatabaseClient.create(connectionFactory);
    }

    @Bean
    ReactiveTransactionManager transactionManager(ConnectionFactory connectionFactory) {
        return new R2dbcTransactionManager(connectionFactory);
    }

    @Bean
    TransactionalOperator transactionalOperator(ReactiveTransactionManager transactionManager) {
        return TransactionalOperator.create(transactionManager);
    }

    static DatabaseEndpoint configured(DatabaseProperties properties) {
        ConnectionFactoryOptions options;
        try {
            options = ConnectionFactoryOptions.parse(properties.url());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("exchange.database.url '" + properties.url()
                    + "' is not an R2DBC URL such as r2dbc:postgresql://host:5432/exchange", e);
        }
        Object host = options.getValue(ConnectionFactoryOptions.HOST);
        Object port = options.getValue(ConnectionFactoryOptions.PORT);
        Object database = options.getValue(ConnectionFactoryOptions.DATABASE);
        if (host == null || database == null) {
            throw new IllegalStateException("exchange.database.url '" + properties.url() + "' must name a host and a database");
        }
        return new DatabaseEndpoint(host.toString(), port == null ? 5432 : Integer.parseInt(port.toString()),
                database.toString(), properties.username(), properties.password(), false);
    }
}
