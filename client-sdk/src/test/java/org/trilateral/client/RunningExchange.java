package org.trilateral.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.trilateral.exchange.ExchangeApplication;
import org.trilateral.integrity.jws.Jwk;
import org.trilateral.taxonomy.stix.StixJson;

/**
 * The real exchange application on a random port with its own embedded PostgreSQL in a temporary directory, in
 * its development mode (no identity provider configured). The one place that knows how a test client reaches and
 * authenticates to it: {@link #clientBuilder()} carries a development token of the demo member {@link #MEMBER_ID},
 * obtained from {@code POST /dev/token}.
 */
public final class RunningExchange implements AutoCloseable {

    /** The demo member the tests publish as, and its identity (the created_by_ref of what it publishes). */
    public static final String MEMBER_ID = "us-agency";
    public static final String MEMBER_IDENTITY = "identity--ddd4187e-df13-4d7a-b3e3-82485e32818a";

    private final ConfigurableApplicationContext context;
    private final URI baseUrl;
    private final String token;

    private RunningExchange(ConfigurableApplicationContext context) {
        this.context = context;
        this.baseUrl = URI.create("http://localhost:" + context.getEnvironment().getProperty("local.server.port"));
        this.token = devToken(MEMBER_ID);
    }

    /** A development access token for a demo member. */
    public String devToken(String member) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(baseUrl.resolve("/dev/token"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("member=" + member)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("POST /dev/token answered " + response.statusCode() + ": " + response.body());
            }
            return StixJson.mapper().readTree(response.body()).get("access_token").asString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Registers a public signing key of {@link #MEMBER_ID} through the exchange's admin API ({@code us-agency} is an
     * admin): the exchange accepts only objects signed with a registered key of their publisher.
     */
    public void registerKey(Jwk publicKey) {
        registerKey(MEMBER_ID, publicKey);
    }

    /** Registers a public signing key of a demo member through the admin API. */
    public void registerKey(String member, Jwk publicKey) {
        admin("/admin/members/" + member + "/keys", "{\"jwk\":" + publicKey.toJson() + "}", 201);
    }

    /**
     * Asks, as the admin {@code us-agency}, to register a key for another demo member (a four-eyes request), and
     * answers the request's id.
     */
    public String requestKey(String member, Jwk publicKey) {
        String answer = admin("/admin/members/" + member + "/keys", "{\"jwk\":" + publicKey.toJson() + "}", 202);
        return org.trilateral.integrity.jcs.StrictJson.mapper().readTree(answer).get("id").asString();
    }

    /** Approves a four-eyes request as the demo admin {@code approver}. */
    public void approve(String requestId, String approver) {
        send("/admin/requests/" + requestId + "/approve", "{}", 200, devToken(approver));
    }

    /** Revokes a demo member's key through the admin API. */
    public void revokeKey(String member, String kid, String reason) {
        admin("/admin/members/" + member + "/keys/" + kid + "/revoke", "{\"reason\":\"" + reason + "\"}", 200);
    }

    /** POSTs {@code json} to {@code path} as {@link #MEMBER_ID}, expecting {@code expected}; answers the body. */
    public String post(String path, String json, int expected) {
        return send(path, json, expected, token);
    }

    private String admin(String path, String json, int expected) {
        return send(path, json, expected, token);
    }

    private String send(String path, String json, int expected, String bearer) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(baseUrl.resolve(path))
                            .header("Content-Type", "application/json").header("Authorization", "Bearer " + bearer)
                            .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The development token of {@link #MEMBER_ID}. */
    public String token() {
        return token;
    }

    /**
     * Starts the exchange with its embedded PostgreSQL files in {@code dataDirectory}, and further settings
     * ({@code --name=value}).
     */
    public static RunningExchange start(Path dataDirectory, String... settings) {
        // Command-line arguments: they take precedence over application.yaml (default properties would not).
        java.util.List<String> arguments = new java.util.ArrayList<>(java.util.List.of("--server.port=0",
                "--exchange.dev.enabled=true",
                "--exchange.database.url=",
                // Tests: fast rather than crash-safe (docs/deployment.md).
                "--exchange.database.embedded.durable=false",
                "--exchange.database.embedded.data-directory=" + dataDirectory.toAbsolutePath()));
        arguments.addAll(java.util.List.of(settings));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ExchangeApplication.class)
                .run(arguments.toArray(String[]::new));
        return new RunningExchange(context);
    }

    /** The size of the exchange's log now, as its own store says. */
    public long logSize() {
        return context.getBean(org.trilateral.exchange.ledger.TransparencyLog.class).size().block();
    }

    /** Where the exchange listens. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** A client builder for this exchange; tests add their key, cursor store or JWKS URL. */
    public ExchangeClient.Builder clientBuilder() {
        return ExchangeClient.builder().baseUrl(baseUrl).credentials(Credentials.bearer(token))
                .statusPolling(java.time.Duration.ofMillis(100), java.time.Duration.ofSeconds(10));
    }

    @Override
    public void close() {
        context.close();
    }
}
