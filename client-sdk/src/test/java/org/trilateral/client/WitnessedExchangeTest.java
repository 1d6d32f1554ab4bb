package org.trilateral.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trilateral.client.witness.WitnessServer;
import org.trilateral.integrity.checkpoint.Cosigner;
import org.trilateral.integrity.checkpoint.CosignerKey;
import org.trilateral.integrity.checkpoint.NoteSigner;
import org.trilateral.integrity.checkpoint.WitnessPolicy;
import org.trilateral.integrity.jws.SigningKey;
import org.trilateral.integrity.witness.InMemoryWitnessState;
import org.trilateral.integrity.witness.Witness;
import org.trilateral.taxonomy.marking.Tlp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One witness per nation (C2SP tlog-witness, the SDK's {@code exchange witness serve}) in front of the real exchange:
 * the exchange submits its checkpoints, serves them with the cosignatures, and a client requiring two of the three
 * verifies what it polls; a client requiring a witness the exchange does not have refuses, and one witness down does
 * not stop anything.
 */
class WitnessedExchangeTest {

    private static final String ORIGIN = "trilateral-exchange.example/log";

    @TempDir
    static Path directory;

    private static final NoteSigner LOG_KEY = NoteSigner.generate(ORIGIN);
    private static final List<Cosigner> COSIGNERS = List.of(Cosigner.generate("us-witness"),
            Cosigner.generate("jp-witness"), Cosigner.generate("kr-witness"));
    private static final List<WitnessServer> WITNESSES = new ArrayList<>();
    private static RunningExchange exchange;
    private static SigningKey memberKey;

    @BeforeAll
    static void start() throws Exception {
        List<String> settings = new ArrayList<>(List.of("--exchange.log.signing-key=" + LOG_KEY.format(),
                "--exchange.log.witness-quorum=2"));
        for (int i = 0; i < COSIGNERS.size(); i++) {
            Witness witness = new Witness(COSIGNERS.get(i), Map.of(ORIGIN, List.of(LOG_KEY.verifierKey())),
                    new InMemoryWitnessState(), Clock.systemUTC());
            WitnessServer server = WitnessServer.start(witness, List.of(ORIGIN), new InetSocketAddress("127.0.0.1", 0), "/");
            WITNESSES.add(server);
            settings.add("--exchange.log.witnesses[" + i + "].name=" + COSIGNERS.get(i).key().name());
            settings.add("--exchange.log.witnesses[" + i + "].key=" + COSIGNERS.get(i).key().format());
            settings.add("--exchange.log.witnesses[" + i + "].url=" + server.url());
        }
        exchange = RunningExchange.start(directory.resolve("postgres"), settings.toArray(String[]::new));
        memberKey = SigningKey.generate();
        exchange.clientBuilder().build().registerOwnKey(memberKey, memberKey, false);
    }

    @AfterAll
    static void stop() {
        WITNESSES.forEach(WitnessServer::close);
        exchange.close();
    }

    private static List<CosignerKey> witnessKeys() {
        return COSIGNERS.stream().map(Cosigner::key).toList();
    }

    private static ExchangeClient client(WitnessPolicy witnesses) {
        TrustPolicy policy = TrustPolicy.builder().logKey(LOG_KEY.verifierKey()).witnesses(witnesses)
                .ownKeys(RunningExchange.MEMBER_ID, Set.of(memberKey.kid())).build();
        return exchange.clientBuilder().signingKey(memberKey).trust(policy).build();
    }

    private static List<JsonNode> publishAndPoll(ExchangeClient client, String wallet) {
        ObjectNode indicator = new Indicators(RunningExchange.MEMBER_IDENTITY).wallet(wallet, Tlp.GREEN);
        assertThat(client.publish("sightings", List.of(indicator)).allAccepted()).isTrue();
        List<JsonNode> polled = new ArrayList<>();
        client.poll(PollRequest.of("sightings")).forEach(received -> polled.add(received.object()));
        return polled;
    }

    @Test
    void verifyWhenTwoOfThreeWitnessesRequiredThenTheExchangesCheckpointsCarryTheirCosignatures() throws Exception {
        ExchangeClient client = client(WitnessPolicy.of(witnessKeys(), 2));
        List<JsonNode> polled = publishAndPoll(client, "eip155:1:0x1111111111111111111111111111111111111111");
        awaitCosignedSize(client);

        List<VerificationResult> results = client.verifyAll(polled, "sightings");

        assertThat(results).isNotEmpty().allSatisfy(r -> assertThat(r.ok()).as(r.detail()).isTrue());
    }

    @Test
    void verifyWhenAWitnessTheExchangeDoesNotHaveIsRequiredThenRefused() throws Exception {
        ExchangeClient honest = client(WitnessPolicy.of(witnessKeys(), 2));
        List<JsonNode> polled = publishAndPoll(honest, "eip155:1:0x3333333333333333333333333333333333333333");
        awaitCosignedSize(honest);
        ExchangeClient strict = client(WitnessPolicy.of(List.of(Cosigner.generate("stranger").key()), 1));

        List<VerificationResult> results = strict.verifyAll(polled, "sightings");

        assertThat(results).isNotEmpty().allSatisfy(r -> assertThat(r.failure()).isEqualTo(VerificationFailure.WITNESS_QUORUM));
    }

    @Test
    void verifyWhenAnScoWithoutModifiedThenItsOpeningIsFoundByContentAndItVerifies() throws Exception {
        ExchangeClient client = client(WitnessPolicy.of(witnessKeys(), 2));
        ObjectNode ip = org.trilateral.integrity.jcs.StrictJson.mapper().createObjectNode()
                .put("type", "ipv4-addr").put("spec_version", "2.1")
                .put("id", "ipv4-addr--" + java.util.UUID.randomUUID()).put("value", "203.0.113.77");
        assertThat(client.publish("indicators", List.of(ip)).allAccepted()).isTrue();
        List<JsonNode> polled = new ArrayList<>();
        client.poll(PollRequest.of("indicators")).forEach(received -> {
            if (received.object().path("id").asString().equals(ip.get("id").asString())) {
                polled.add(received.object());
            }
        });
        awaitCosignedSize(client);

        List<VerificationResult> results = client.verifyAll(polled, "indicators");

        assertThat(results).singleElement().satisfies(r -> assertThat(r.ok()).as(r.detail()).isTrue());
    }

    @Test
    void auditWhenEverythingAddressedWasDeliveredThenCleanAndWhenOneIsWithheldThenNamed() throws Exception {
        ExchangeClient client = client(WitnessPolicy.of(witnessKeys(), 2));
        List<JsonNode> polled = publishAndPoll(client, "eip155:1:0x4444444444444444444444444444444444444444");
        awaitCosignedSize(client);
        LogVerifier log = client.log().orElseThrow();
        long size = log.refresh().size();
        java.util.Map<String, String> all = new java.util.HashMap<>();
        for (String collection : List.of("indicators", "sightings", "advisories", "reference")) {
            client.poll(PollRequest.of(collection)).forEach(r -> all.put(r.object().get("id").asString() + "|"
                    + sha256(r.object()), r.object().get("id").asString()));
        }
        JsonNode withheld = polled.get(polled.size() - 1);
        String withheldKey = withheld.get("id").asString() + "|" + sha256(withheld);

        AuditReport complete = log.audit(0, size, delivered(all.keySet()));
        java.util.Set<String> missingOne = new java.util.HashSet<>(all.keySet());
        missingOne.remove(withheldKey);
        AuditReport incomplete = log.audit(0, size, delivered(missingOne));

        assertThat(complete.findings()).as(complete.toString()).isEmpty();
        assertThat(incomplete.findings()).anySatisfy(f -> assertThat(f.failure()).isEqualTo(VerificationFailure.WITHHELD));
    }

    @Test
    void monitorOwnKeysWhenAdminsRegisterAKeyForTheMemberThenTheMembersSystemIsAlerted() throws Exception {
        ExchangeClient jp = exchange.clientBuilder().credentials(Credentials.bearer(exchange.devToken("jp-agency")))
                .trust(TrustPolicy.builder().logKey(LOG_KEY.verifierKey()).witnesses(WitnessPolicy.of(witnessKeys(), 2))
                        .build()).build();
        SigningKey own = SigningKey.generate();
        jp.registerOwnKey(own, own, false);
        SigningKey forged = SigningKey.generate();
        exchange.approve(exchange.requestKey("jp-agency", forged.publicKey()), "kr-agency");
        awaitCosignedSize(jp);

        List<String> alerts = jp.log().orElseThrow().monitorOwnKeys("jp-agency", Set.of(own.kid()));

        assertThat(alerts).singleElement().satisfies(alert -> assertThat(alert).contains(forged.kid())
                .contains("approved by kr-agency"));
    }

    private static DeliveredObjects delivered(java.util.Set<String> keys) {
        return new DeliveredObjects() {
            @Override
            public boolean contains(String id, String objectSha256) {
                return keys.contains(id + "|" + objectSha256);
            }

            @Override
            public Iterable<String[]> all() {
                return keys.stream().map(k -> k.split("\\|")).toList();
            }
        };
    }

    private static String sha256(JsonNode object) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(org.trilateral.integrity.jcs.JsonCanonicalizer.canonicalize(object)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the exchange serves a cosigned checkpoint that covers its whole log. */
    private static void awaitCosignedSize(ExchangeClient client) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            try {
                long served = client.log().orElseThrow().refresh().size();
                if (served >= exchangeSize()) {
                    return;
                }
            } catch (LogVerificationException e) {
                last = e.getMessage();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the exchange served no checkpoint cosigned by two witnesses within 20 s: " + last);
    }

    private static long exchangeSize() {
        return exchange.logSize();
    }
}
