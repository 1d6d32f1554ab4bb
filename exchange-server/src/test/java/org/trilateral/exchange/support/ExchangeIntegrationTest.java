package org.trilateral.exchange.support;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.trilateral.exchange.member.Nation;
import org.trilateral.exchange.member.Role;
import org.trilateral.taxonomy.vocabulary.Sector;
import org.trilateral.exchange.taxii.Taxii;
import org.trilateral.integrity.jws.SigningKey;
import org.trilateral.taxonomy.stix.StixJson;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Base of the integration tests: the whole exchange on a random port, over real HTTP, against a fresh
 * database of the shared embedded PostgreSQL. The context is closed after each class, so every class starts on
 * an empty database of its own. The exchange trusts one test issuer (played by WireMock, shared by the JVM); the
 * default member {@value #MEMBER} has every role and the signing key {@link TestStix#MEMBER_KEY}, and
 * {@link #client()} calls as it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public abstract class ExchangeIntegrationTest {

    /** The default test member's id (US government, every role). */
    public static final String MEMBER = "test-member";
    /** The test issuer's configured name. */
    public static final String ISSUER = "test";

    private static TestIdentityProvider provider;

    @LocalServerPort
    protected int port;

    /** The JVM-wide test issuer. */
    public static synchronized TestIdentityProvider testIssuer() {
        if (provider == null) {
            provider = TestIdentityProvider.start("test");
            Runtime.getRuntime().addShutdownHook(new Thread(provider::close));
        }
        return provider;
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = TestDatabase.newDatabaseUrl();
        registry.add("exchange.database.url", () -> url);
        registry.add("exchange.database.username", () -> "postgres");
        registry.add("exchange.database.password", () -> "postgres");
        registry.add("exchange.database.pool.initial-size", () -> "1");
        registry.add("exchange.database.pool.max-size", () -> "6");
        testIssuerSettings().forEach((name, value) -> registry.add(name, () -> value));
    }

    /**
     * The settings that make an exchange trust the JVM-wide test issuer and know the default test member; also for
     * tests that start applications of their own (pass them as {@code --name=value} arguments).
     */
    public static Map<String, String> testIssuerSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("exchange.security.issuers[0].name", ISSUER);
        settings.put("exchange.security.issuers[0].issuer-uri", testIssuer().issuerUri());
        settings.put("exchange.security.issuers[0].audience", TestIdentityProvider.AUDIENCE);
        settings.put("exchange.security.jwks-min-refetch-interval", "0s");
        settings.put("exchange.members.bootstrap[0].id", MEMBER);
        settings.put("exchange.members.bootstrap[0].name", "Test member");
        settings.put("exchange.members.bootstrap[0].nation", "US");
        settings.put("exchange.members.bootstrap[0].sector", "government");
        settings.put("exchange.members.bootstrap[0].identity-id", TestStix.MEMBER_IDENTITY);
        settings.put("exchange.members.bootstrap[0].roles", "consumer,publisher,advisory-issuer,admin");
        settings.put("exchange.members.bootstrap[0].subjects[0].issuer", ISSUER);
        settings.put("exchange.members.bootstrap[0].subjects[0].subject", MEMBER);
        settings.put("exchange.members.bootstrap[0].keys[0]", TestStix.MEMBER_KEY.publicKey().toJson().toString());
        return settings;
    }

    /** A token of the default test member from the test issuer. */
    public static String memberToken() {
        return testIssuer().token(MEMBER);
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    /** TAXII calls as the default test member, signing with its key. */
    protected Taxii taxii() {
        return new Taxii(client());
    }

    /** A client calling as the default test member. */
    protected WebTestClient client() {
        return clientWithToken(memberToken());
    }

    /** A client calling with {@code token} as its bearer token. */
    protected WebTestClient clientWithToken(String token) {
        return anonymousClient().mutate().defaultHeader("Authorization", "Bearer " + token).build();
    }

    /** A client that sends no token. */
    protected WebTestClient anonymousClient() {
        // One connection per request: a test never receives a response on a pooled connection that an earlier
        // test (or a refused request) left behind, which once made a request wait for its 30-second timeout.
        return WebTestClient.bindToServer(new ReactorClientHttpConnector(HttpClient.create(ConnectionProvider.newConnection())))
                .baseUrl(baseUrl())
                .responseTimeout(Duration.ofSeconds(30))
                .codecs(c -> c.defaultCodecs().maxInMemorySize(64 * 1024 * 1024))
                .build();
    }

    /**
     * Registers a member through the admin API, identified at the test issuer by its id, with a new Ed25519 signing
     * key the member registers itself (one request as the member); answers it with a client calling as it.
     */
    protected TestMember register(String id, Nation nation, Sector sector, Role... roles) {
        String identity = "identity--" + UUID.randomUUID();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("name", "Member " + id);
        body.put("nation", nation.name());
        body.put("sector", sector.value());
        body.put("identity_id", identity);
        body.put("roles", Arrays.stream(roles).map(Role::value).toList());
        body.put("subjects", List.of(Map.of("issuer", ISSUER, "subject", id)));
        client().post().uri("/admin/members").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(StixJson.mapper().writeValueAsString(body))
                .exchange().expectStatus().isCreated();
        SigningKey key = SigningKey.generate();
        OwnKeys.register(clientWithToken(testIssuer().token(id)), id, identity, key, "2020-01-01T00:00:00Z",
                java.util.Optional.empty());
        return new TestMember(id, identity, clientWithToken(testIssuer().token(id)), key);
    }

    /**
     * Registers {@code key} for member {@code id} as the member does itself: through its own token, with the key
     * statement signed by the key, which is its own root (docs/integrity.md §7).
     */
    protected void registerKey(String id, SigningKey key) {
        WebTestClient member = clientWithToken(testIssuer().token(id));
        byte[] me = member.get().uri("/members/me").exchange().expectStatus().isOk().expectBody().returnResult()
                .getResponseBody();
        String identity = TestStix.parse(new String(me, java.nio.charset.StandardCharsets.UTF_8)).get("identity").asString();
        OwnKeys.register(member, id, identity, key, "2020-01-01T00:00:00Z", java.util.Optional.empty());
    }

    /**
     * A registered member, the identity id its objects must be created by, a client calling as it and its signing key.
     */
    public record TestMember(String id, String identityId, WebTestClient client, SigningKey key) {

        /** TAXII calls as this member, signing with its key. */
        public Taxii taxii() {
            return new Taxii(client, key);
        }
    }
}
