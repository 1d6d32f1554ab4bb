package org.trilateral.client;

import java.net.URI;
import java.nio.file.Path;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.trilateral.exchange.ExchangeApplication;

/**
 * The real exchange application on a random port with its own embedded PostgreSQL in a temporary directory. The
 * one place that knows how a test client reaches and authenticates to it: when the server gains authentication,
 * {@link #clientBuilder()} gets its token (from {@code POST /dev/token}) here.
 */
public final class RunningExchange implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final URI baseUrl;

    private RunningExchange(ConfigurableApplicationContext context) {
        this.context = context;
        this.baseUrl = URI.create("http://localhost:" + context.getEnvironment().getProperty("local.server.port"));
    }

    /** Starts the exchange with its embedded PostgreSQL files in {@code dataDirectory}. */
    public static RunningExchange start(Path dataDirectory) {
        // Command-line arguments: they take precedence over application.yaml (default properties would not).
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ExchangeApplication.class)
                .run("--server.port=0",
                        "--exchange.database.url=",
                        "--exchange.database.embedded.data-directory=" + dataDirectory.toAbsolutePath());
        return new RunningExchange(context);
    }

    /** Where the exchange listens. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** A client builder for this exchange; tests add their key, cursor store or JWKS URL. */
    public ExchangeClient.Builder clientBuilder() {
        return ExchangeClient.builder().baseUrl(baseUrl).statusPolling(java.time.Duration.ofMillis(100), java.time.Duration.ofSeconds(10));
    }

    @Override
    public void close() {
        context.close();
    }
}
