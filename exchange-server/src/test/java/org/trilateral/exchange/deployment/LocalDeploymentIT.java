package org.trilateral.exchange.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.trilateral.exchange.support.OwnKeys;
import org.trilateral.exchange.support.TestStix;
import org.trilateral.integrity.jws.SigningKey;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The production-like run without a container engine, as docs/deployment.md documents it: {@code deploy/run-local.sh}
 * starts a real Keycloak (the distribution the build fetched into {@code target/keycloak}) with the realms us, jp and
 * kr of {@code deploy/keycloak}, and the exchange's jar trusting the three, with the members of
 * {@code deploy/exchange/members.yaml}. Every realm's client gets a client-credentials token that the exchange accepts
 * as the right member; a token of a realm it does not trust, and one of a suspended member, are refused with the
 * reason; development mode is off. Skipped, saying why, where there is no Java 21+ for Keycloak.
 */
class LocalDeploymentIT {

    private static final String TAXII = "application/taxii+json;version=2.1";
    private static final String INDICATORS = "/trilateral/collections/indicators/";
    private static final Duration READY = Duration.ofMinutes(8);

    private static Path repository;
    private static Process script;
    private static Path log;
    private static int exchangePort;
    private static int keycloakPort;
    /** Client id to secret, for every client of every realm in deploy/keycloak, by realm. */
    private static final Map<String, Map<String, String>> CLIENTS = new LinkedHashMap<>();
    /** Member id to the identity its objects must be created by (deploy/exchange/members.yaml). */
    private static final Map<String, String> IDENTITIES = new LinkedHashMap<>();

    @BeforeAll
    static void startKeycloakAndTheExchange() throws Exception {
        assumeTrue(!Boolean.getBoolean("keycloak.skip"), "Keycloak was not unpacked (-Dkeycloak.skip=true): skipping the"
                + " no-Docker deployment test");
        Optional<Path> java21 = findJava21();
        assumeTrue(java21.isPresent(), "no Java 21+ for Keycloak (looked at JAVA21_HOME, JAVA_HOME and /usr/lib/jvm):"
                + " skipping the no-Docker deployment test; set JAVA21_HOME to a JDK 21+ to run it");
        repository = Path.of(System.getProperty("deploy.dir", "../deploy")).toAbsolutePath().normalize().getParent();
        readDeployment();

        Path work = Path.of("target", "local-deployment-it").toAbsolutePath();
        deleteRecursively(work);
        Files.createDirectories(work);
        log = work.resolve("run-local.log");
        exchangePort = freePort();
        keycloakPort = freePort();
        ProcessBuilder builder = new ProcessBuilder("bash", "deploy/run-local.sh")
                .directory(repository.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("JAVA21_HOME", java21.get().toString());
        builder.environment().put("RUN_LOCAL_SKIP_BUILD", "1");
        builder.environment().put("EXCHANGE_PORT", Integer.toString(exchangePort));
        builder.environment().put("KEYCLOAK_PORT", Integer.toString(keycloakPort));
        builder.environment().put("KEYCLOAK_MANAGEMENT_PORT", Integer.toString(freePort()));
        builder.environment().put("EXCHANGE_DATA_DIRECTORY", work.resolve("postgres").toString());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        long started = System.nanoTime();
        script = builder.start();
        script.getOutputStream().close();
        awaitReady();
        System.out.printf("LocalDeploymentIT: Keycloak (realms us, jp, kr) and the exchange ready in %d s%n",
                Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }

    @AfterAll
    static void stop() throws Exception {
        if (script != null) {
            // SIGTERM: the script stops the exchange (which stops its PostgreSQL) and Keycloak, and waits for them.
            script.destroy();
            if (!script.waitFor(2, TimeUnit.MINUTES)) {
                script.descendants().forEach(ProcessHandle::destroyForcibly);
                script.destroyForcibly();
            }
        }
    }

    @Test
    void tokenWhenEveryRealmsClientThenAcceptedAsThatMemberWithItsRoles() {
        WebTestClient admin = exchange(token("us", "us-agency"));
        for (Map.Entry<String, Map<String, String>> realm : CLIENTS.entrySet()) {
            for (String member : realm.getValue().keySet()) {
                WebTestClient client = exchange(token(realm.getKey(), member));
                JsonNode advisories = taxii(client, "/trilateral/collections/advisories/");
                // Only the agencies may write advisories: the registry's roles of exactly this member apply.
                assertThat(advisories.get("can_write").asBoolean()).as(member).isEqualTo(member.endsWith("-agency"));

                // The exchange accepts an object only in the name of the member the token maps to.
                SigningKey key = SigningKey.generate();
                OwnKeys.register(client, member, IDENTITIES.get(member), key, "2020-01-01T00:00:00Z", java.util.Optional.empty());
                ObjectNode own = TestStix.indicator();
                own.put("created_by_ref", IDENTITIES.get(member));
                JsonNode status = publish(client, TestStix.envelope(TestStix.sign(own, key)));
                assertThat(status.get("success_count").asInt()).as("%s publishing as itself: %s", member, status).isEqualTo(1);
                assertThat(status.get("failure_count").asInt()).isZero();
            }
        }
        // ... and never in another member's name.
        SigningKey key = SigningKey.generate();
        OwnKeys.register(exchange(token("jp", "jp-crypto-exchange")), "jp-crypto-exchange", IDENTITIES.get("jp-crypto-exchange"),
                key, "2020-01-01T00:00:00Z", java.util.Optional.empty());
        ObjectNode impersonating = TestStix.indicator();
        impersonating.put("created_by_ref", IDENTITIES.get("kr-agency"));
        JsonNode status = publish(exchange(token("jp", "jp-crypto-exchange")), TestStix.envelope(TestStix.sign(impersonating, key)));
        assertThat(status.get("failure_count").asInt()).isEqualTo(1);
        assertThat(status.get("failures").get(0).get("message").asString()).contains("another member's name");

        // The admin API: us-agency is the admin, jp-agency is not.
        admin.get().uri("/admin/members").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.members.length()").isEqualTo(6);
        exchange(token("jp", "jp-agency")).get().uri("/admin/members").exchange().expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value("WWW-Authenticate", h -> assertThat(h).contains("insufficient_scope"));
    }

    @Test
    void tokenWhenFromARealmTheExchangeDoesNotTrustThen401WithTheReason() {
        // Keycloak's own master realm: a real token of the same server, from an issuer the exchange was not given.
        String token = tokenResponse("master", "grant_type=password&client_id=admin-cli&username=admin&password=admin")
                .get("access_token").asString();
        assertRefused(token, "the token's issuer is not one this exchange trusts");
    }

    @Test
    void tokenWhenMemberSuspendedThen401WithTheReasonUntilReinstated() {
        WebTestClient admin = exchange(token("us", "us-agency"));
        admin.post().uri("/admin/members/kr-payment-provider/suspend").exchange().expectStatus().isOk();
        try {
            assertRefused(token("kr", "kr-payment-provider"), "member 'kr-payment-provider' is suspended");
        } finally {
            admin.post().uri("/admin/members/kr-payment-provider/reinstate").exchange().expectStatus().isOk();
        }
        taxii(exchange(token("kr", "kr-payment-provider")), "/trilateral/collections/");
    }

    @Test
    void devTokenWhenIssuersConfiguredThenNoDevelopmentIdentityProvider() {
        WebTestClient.bindToServer().baseUrl("http://localhost:" + exchangePort).build()
                .post().uri("/dev/token").contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("member=us-agency")
                .exchange().expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.access_token").doesNotExist()
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("serves nothing at this path"));
        assertThat(output()).doesNotContain("DEVELOPMENT MODE");
    }

    private static void assertRefused(String token, String reason) {
        exchange(token).get().uri("/trilateral/collections/").header("Accept", TAXII).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("Content-Type", TAXII)
                .expectHeader().value("WWW-Authenticate", challenge -> assertThat(challenge)
                        .startsWith("Bearer ").contains("error=\"invalid_token\"").contains(reason))
                .expectBody()
                .jsonPath("$.http_status").isEqualTo("401")
                .jsonPath("$.description").value(d -> assertThat((String) d).contains(reason));
    }

    private static JsonNode taxii(WebTestClient client, String path) {
        byte[] body = client.get().uri(path).header("Accept", TAXII).exchange().expectStatus().isOk()
                .expectHeader().valueEquals("Content-Type", TAXII).expectBody().returnResult().getResponseBody();
        return TestStix.parse(new String(body, StandardCharsets.UTF_8));
    }

    private static JsonNode publish(WebTestClient client, String envelope) {
        byte[] body = client.post().uri(INDICATORS + "objects/").header("Accept", TAXII).header("Content-Type", TAXII)
                .bodyValue(envelope).exchange().expectStatus().isAccepted().expectBody().returnResult().getResponseBody();
        return TestStix.parse(new String(body, StandardCharsets.UTF_8));
    }

    private static WebTestClient exchange(String token) {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + exchangePort)
                .defaultHeader("Authorization", "Bearer " + token).responseTimeout(Duration.ofSeconds(30)).build();
    }

    /** A client-credentials token of a realm's client, with its secret from deploy/keycloak. */
    private static String token(String realm, String client) {
        String secret = CLIENTS.get(realm).get(client);
        JsonNode response = tokenResponse(realm, "grant_type=client_credentials&client_id=" + encode(client)
                + "&client_secret=" + encode(secret));
        return response.get("access_token").asString();
    }

    private static JsonNode tokenResponse(String realm, String form) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                            "http://localhost:" + keycloakPort + "/realms/" + realm + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("token of realm %s: %s", realm, response.body()).isEqualTo(200);
            return TestStix.parse(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The clients of every realm file in deploy/keycloak and the members of deploy/exchange/members.yaml. */
    @SuppressWarnings("unchecked")
    private static void readDeployment() throws IOException {
        try (Stream<Path> files = Files.list(repository.resolve("deploy/keycloak"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("-realm.json")).sorted().toList()) {
                JsonNode realm = TestStix.parse(Files.readString(file));
                Map<String, String> clients = new LinkedHashMap<>();
                realm.get("clients").forEach(c -> clients.put(c.get("clientId").asString(), c.get("secret").asString()));
                CLIENTS.put(realm.get("realm").asString(), clients);
            }
        }
        assertThat(CLIENTS.keySet()).containsExactly("jp", "kr", "us");
        try (InputStream in = Files.newInputStream(repository.resolve("deploy/exchange/members.yaml"))) {
            Map<String, Object> yaml = new Yaml().load(in);
            List<Map<String, Object>> members = (List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>)
                    yaml.get("exchange")).get("members")).get("bootstrap");
            members.forEach(m -> IDENTITIES.put((String) m.get("id"), (String) m.get("identity-id")));
        }
        assertThat(CLIENTS.values().stream().flatMap(c -> c.keySet().stream())).containsExactlyInAnyOrderElementsOf(IDENTITIES.keySet());
    }

    private static void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + READY.toNanos();
        while (System.nanoTime() < deadline) {
            if (output().contains("run-local: ready.")) {
                return;
            }
            if (!script.isAlive()) {
                throw new AssertionError("deploy/run-local.sh ended with " + script.exitValue() + ":\n" + output());
            }
            Thread.sleep(500);
        }
        throw new AssertionError("deploy/run-local.sh was not ready within " + READY + ":\n" + output());
    }

    private static String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    /**
     * A JDK 21 or later for Keycloak: JAVA21_HOME, else this JVM or JAVA_HOME if recent enough, else the newest under
     * /usr/lib/jvm (read from each JDK's {@code release} file).
     */
    static Optional<Path> findJava21() {
        List<Path> candidates = new ArrayList<>();
        Optional.ofNullable(System.getenv("JAVA21_HOME")).map(Path::of).ifPresent(candidates::add);
        candidates.add(Path.of(System.getProperty("java.home")));
        Optional.ofNullable(System.getenv("JAVA_HOME")).map(Path::of).ifPresent(candidates::add);
        try (Stream<Path> jvms = Files.list(Path.of("/usr/lib/jvm"))) {
            jvms.sorted(Comparator.comparing((Path p) -> majorVersion(p).orElse(0)).reversed()).forEach(candidates::add);
        } catch (IOException e) {
            // no /usr/lib/jvm on this machine
        }
        return candidates.stream()
                .filter(home -> Files.isExecutable(home.resolve("bin/java")) && majorVersion(home).orElse(0) >= 21)
                .findFirst();
    }

    private static Optional<Integer> majorVersion(Path home) {
        try {
            for (String line : Files.readAllLines(home.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    String major = version.startsWith("1.") ? version.substring(2) : version;
                    return Optional.of(Integer.parseInt(major.split("[.+-]")[0]));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not a JDK, or one without a release file
        }
        return Optional.empty();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
