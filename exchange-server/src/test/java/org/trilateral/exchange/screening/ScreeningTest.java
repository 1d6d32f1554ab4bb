package org.trilateral.exchange.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.trilateral.exchange.access.SharingGroup;
import org.trilateral.exchange.member.Nation;
import org.trilateral.exchange.member.Role;
import org.trilateral.exchange.support.ExchangeIntegrationTest;
import org.trilateral.exchange.support.TestStix;
import org.trilateral.exchange.taxii.Taxii;
import org.trilateral.taxonomy.indicator.IndicatorBuilder;
import org.trilateral.taxonomy.indicator.IpNetwork;
import org.trilateral.taxonomy.marking.Tlp;
import org.trilateral.taxonomy.persona.EmailIdentifiers;
import org.trilateral.taxonomy.persona.PersonaDigest;
import org.trilateral.taxonomy.persona.V1Sha256;
import org.trilateral.taxonomy.stix.StixJson;
import org.trilateral.taxonomy.vocabulary.IndicatorKind;
import org.trilateral.taxonomy.vocabulary.Sector;
import org.trilateral.taxonomy.wallet.WalletAddress;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Screening against the real exchange: matches of persona tokens, wallets and IPs (inside a published network) with
 * their sightings, expired and revoked indicators left out, unreadable ones invisible, red flags and the risk rule.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScreeningTest extends ExchangeIntegrationTest {

    private static final WalletAddress PAYOUT = WalletAddress.parse("eip155:1", "0x52908400098527886E0F7030069857D2E4169EE7");
    private static final WalletAddress EXPIRED = WalletAddress.parse("eip155:1", "0x8617E340B3D01FA5F11F306F4090FD50E238070D");
    private static final WalletAddress REVOKED = WalletAddress.parse("eip155:1", "0xde709f2102306220921060314715629080e2fb77");
    private static final WalletAddress GOVERNMENT_ONLY = WalletAddress.parse("eip155:1", "0x27b1fdb04752bbc536007a920d24acb045561c26");
    private static final WalletAddress UNKNOWN = WalletAddress.parse("eip155:1", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
    private static final WalletAddress CONFIRMED = WalletAddress.parse("eip155:1", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359");
    private static final WalletAddress QUIETLY_SIGHTED = WalletAddress.parse("eip155:1", "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB");
    private static final PersonaDigest APPLICANT = new V1Sha256().digest(EmailIdentifiers.normalise("applicant@example.com"));

    private String payoutIndicator;
    private String confirmedIndicator;
    private String quietlySightedIndicator;
    private String personaIndicator;

    private static String envelope(ObjectNode... objects) {
        return StixJson.mapper().writeValueAsString(Map.of("objects", List.of(objects)));
    }

    @BeforeAll
    void publish() {
        ObjectNode payout = IndicatorBuilder.wallet(PAYOUT).createdByRef(TestStix.MEMBER_IDENTITY).marking(Tlp.AMBER).build();
        payout.put("confidence", 80);
        payoutIndicator = payout.get("id").stringValue();
        ObjectNode expired = IndicatorBuilder.wallet(EXPIRED).createdByRef(TestStix.MEMBER_IDENTITY).marking(Tlp.AMBER)
                .validFrom(Instant.parse("2025-01-01T00:00:00Z")).validUntil(Instant.parse("2025-06-01T00:00:00Z")).build();
        ObjectNode revoked = IndicatorBuilder.wallet(REVOKED).createdByRef(TestStix.MEMBER_IDENTITY).marking(Tlp.AMBER).build();
        revoked.put("revoked", true);
        ObjectNode governmentOnly = IndicatorBuilder.wallet(GOVERNMENT_ONLY).createdByRef(TestStix.MEMBER_IDENTITY)
                .marking(Tlp.AMBER).markingRef(SharingGroup.SECTOR_GOVERNMENT.id()).build();
        ObjectNode persona = IndicatorBuilder.personaIdentifier(APPLICANT).createdByRef(TestStix.MEMBER_IDENTITY).marking(Tlp.AMBER).build();
        personaIndicator = persona.get("id").stringValue();
        ObjectNode farm = IndicatorBuilder.network(IpNetwork.parse("203.0.113.0/24"), IndicatorKind.LAPTOP_FARM_NETWORK)
                .createdByRef(TestStix.MEMBER_IDENTITY).marking(Tlp.AMBER).build();
        ObjectNode confirmed = IndicatorBuilder.wallet(CONFIRMED).createdByRef(TestStix.MEMBER_IDENTITY).marking(Tlp.AMBER).build();
        confirmed.put("confidence", 60);
        confirmedIndicator = confirmed.get("id").stringValue();
        ObjectNode quietlySighted = IndicatorBuilder.wallet(QUIETLY_SIGHTED).createdByRef(TestStix.MEMBER_IDENTITY)
                .marking(Tlp.AMBER).build();
        quietlySightedIndicator = quietlySighted.get("id").stringValue();
        JsonNode status = taxii().publish(Taxii.INDICATORS, envelope(payout, expired, revoked, governmentOnly, persona, farm,
                confirmed, quietlySighted));
        assertThat(status.get("failures")).as("%s", status).isEmpty();

        for (int i = 0; i < 2; i++) {
            ObjectNode sighting = StixJson.mapper().createObjectNode()
                    .put("type", "sighting").put("spec_version", "2.1").put("id", "sighting--" + UUID.randomUUID())
                    .put("created_by_ref", TestStix.MEMBER_IDENTITY)
                    .put("created", TestStix.CREATED).put("modified", TestStix.CREATED)
                    .put("sighting_of_ref", payoutIndicator).put("count", 2 + i)
                    .put("first_seen", "2026-0" + (3 + i) + "-01T00:00:00Z").put("last_seen", "2026-0" + (5 + i) + "-01T00:00:00Z");
            sighting.putArray("object_marking_refs").add(Tlp.AMBER.id());
            assertThat(taxii().publish(Taxii.SIGHTINGS, envelope(sighting)).get("failures")).isEmpty();
        }
    }

    private static ObjectNode sighting(String of, String identity, int count) {
        ObjectNode sighting = StixJson.mapper().createObjectNode()
                .put("type", "sighting").put("spec_version", "2.1").put("id", "sighting--" + UUID.randomUUID())
                .put("created_by_ref", identity).put("created", TestStix.CREATED).put("modified", TestStix.CREATED)
                .put("sighting_of_ref", of).put("count", count)
                .put("first_seen", "2026-02-01T00:00:00Z").put("last_seen", "2026-02-02T00:00:00Z");
        sighting.putArray("object_marking_refs").add(Tlp.AMBER.id());
        return sighting;
    }

    @Test
    void screenWhenOtherMembersReportSightingsThenConfidenceRaisedPerReporter() {
        TestMember reporter = register("screen-reporter", Nation.US, Sector.SOFTWARE, Role.CONSUMER, Role.PUBLISHER);
        TestMember another = register("screen-reporter-2", Nation.KR, Sector.DEFENCE, Role.CONSUMER, Role.PUBLISHER);
        assertThat(taxii().publish(Taxii.SIGHTINGS, envelope(sighting(confirmedIndicator, TestStix.MEMBER_IDENTITY, 4)))
                .get("failures")).isEmpty();
        JsonNode before = screened(client(), Map.of("wallets", List.of(wallet(CONFIRMED)))).get("matches").get(0);
        for (int i = 0; i < 2; i++) {
            assertThat(reporter.taxii().publish(Taxii.SIGHTINGS, envelope(sighting(confirmedIndicator, reporter.identityId(), 1)))
                    .get("failures")).isEmpty();
        }
        assertThat(another.taxii().publish(Taxii.SIGHTINGS, envelope(sighting(confirmedIndicator, another.identityId(), 1)))
                .get("failures")).isEmpty();

        JsonNode after = screened(client(), Map.of("wallets", List.of(wallet(CONFIRMED)))).get("matches").get(0);

        assertThat(before.get("confidence").intValue()).isEqualTo(60);
        assertThat(before.get("sightings").get("reporters").intValue()).isZero();
        assertThat(after.get("indicator").get("confidence").intValue()).isEqualTo(60);
        assertThat(after.get("sightings").get("count").longValue()).isEqualTo(7);
        assertThat(after.get("sightings").get("reporters").intValue()).isEqualTo(2);
        assertThat(after.get("confidence").intValue()).isEqualTo(80);
        assertThat(after.get("confidence_rule").stringValue()).startsWith("indicator confidence 60 + 10 for each of 2");
    }

    @Test
    void screenWhenASightingIsNotReadableThenTheOutsidersAnswerIsUnchanged() {
        TestMember outsider = register("screen-sighting-outsider", Nation.JP, Sector.SOFTWARE, Role.CONSUMER);
        TestMember government = register("screen-sighting-government", Nation.US, Sector.GOVERNMENT, Role.CONSUMER, Role.PUBLISHER);
        Map<String, Object> body = Map.of("wallets", List.of(wallet(QUIETLY_SIGHTED)));
        String before = screen(outsider.client(), body).expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        ObjectNode restricted = sighting(quietlySightedIndicator, government.identityId(), 9);
        restricted.withArray("object_marking_refs").add(SharingGroup.SECTOR_GOVERNMENT.id());
        assertThat(government.taxii().publish(Taxii.SIGHTINGS, envelope(restricted)).get("failures")).isEmpty();

        String after = screen(outsider.client(), body).expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        JsonNode seenByGovernment = screened(government.client(), body).get("matches").get(0);

        assertThat(after).isEqualTo(before);
        assertThat(seenByGovernment.get("sightings").get("count").longValue()).isEqualTo(9);
        assertThat(seenByGovernment.get("confidence").intValue()).isEqualTo(60);
    }

    private static Map<String, Object> wallet(WalletAddress address) {
        return Map.of("chain", address.chain().caip2(), "address", address.address());
    }

    private WebTestClient.ResponseSpec screen(WebTestClient client, Map<String, Object> body) {
        return client.post().uri(ScreeningRoutes.PATH).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(StixJson.mapper().writeValueAsString(body)).exchange();
    }

    private JsonNode screened(WebTestClient client, Map<String, Object> body) {
        return StixJson.mapper().readTree(screen(client, body).expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody(String.class).returnResult().getResponseBody());
    }

    @Test
    void screenWhenWalletPublishedThenMatchWithSightingsAndHighRisk() {
        JsonNode answer = screened(client(), Map.of("wallets", List.of(wallet(UNKNOWN), wallet(PAYOUT))));

        assertThat(answer.get("matches")).hasSize(1);
        JsonNode match = answer.get("matches").get(0);
        assertThat(match.get("input").stringValue()).isEqualTo("wallets[1]");
        assertThat(match.get("indicator").get("id").stringValue()).isEqualTo(payoutIndicator);
        assertThat(match.get("indicator").get("confidence").intValue()).isEqualTo(80);
        assertThat(match.get("indicator").get("created_by_ref").stringValue()).isEqualTo(TestStix.MEMBER_IDENTITY);
        assertThat(match.get("sightings").get("count").longValue()).isEqualTo(5);
        assertThat(match.get("sightings").get("first_seen").stringValue()).isEqualTo("2026-03-01T00:00:00Z");
        assertThat(match.get("sightings").get("last_seen").stringValue()).isEqualTo("2026-06-01T00:00:00Z");
        assertThat(answer.get("risk").get("level").stringValue()).isEqualTo("high");
        assertThat(answer.get("risk").get("rule").stringValue()).startsWith("identifier-match");
    }

    @Test
    void screenWhenPersonaTokenPublishedThenMatch() {
        JsonNode answer = screened(client(), Map.of("persona_tokens", List.of(Map.of("kind", "email",
                "scheme", APPLICANT.scheme(), "digest", APPLICANT.digest()))));

        assertThat(answer.get("matches")).hasSize(1);
        assertThat(answer.get("matches").get(0).get("kind").stringValue()).isEqualTo("persona-token");
    }

    @Test
    void screenWhenIpInsidePublishedFarmNetworkThenMatchAndFacilitatorFlag() {
        JsonNode answer = screened(client(), Map.of("ips", List.of("198.51.100.1", "203.0.113.77"),
                "facts", Map.of("claimed_residence", "US", "payout_country", "cn")));

        assertThat(answer.get("matches")).hasSize(1);
        assertThat(answer.get("matches").get(0).get("input").stringValue()).isEqualTo("ips[1]");
        assertThat(answer.get("red_flags").findValuesAsString("flag"))
                .containsExactly("payment-to-foreign-bank", "login-from-known-facilitator-ip");
        assertThat(answer.get("risk").get("level").stringValue()).isEqualTo("high");
        assertThat(answer.get("risk").get("rule").stringValue()).startsWith("facilitator-ip-and-red-flag");
    }

    @Test
    void screenWhenManyIdentifiersThenEachMatchOfEachIndicatorAnsweredWithItsInput() {
        WalletAddress polygon = WalletAddress.parse("eip155:137", "0x3f5CE5FBFe3E9af3971dD833D26bA9b5C936f0bE");
        ObjectNode wide = IndicatorBuilder.network(IpNetwork.parse("198.18.0.0/15"), IndicatorKind.VPN_EXIT)
                .createdByRef(TestStix.MEMBER_IDENTITY).marking(Tlp.AMBER).build();
        ObjectNode narrow = IndicatorBuilder.network(IpNetwork.parse("198.18.5.0/24"), IndicatorKind.LAPTOP_FARM_NETWORK)
                .createdByRef(TestStix.MEMBER_IDENTITY).marking(Tlp.AMBER).build();
        ObjectNode v6 = IndicatorBuilder.network(IpNetwork.parse("2001:db8:77::/48"), IndicatorKind.LAPTOP_FARM_NETWORK)
                .createdByRef(TestStix.MEMBER_IDENTITY).marking(Tlp.AMBER).build();
        ObjectNode onPolygon = IndicatorBuilder.wallet(polygon).createdByRef(TestStix.MEMBER_IDENTITY).marking(Tlp.AMBER).build();
        assertThat(taxii().publish(Taxii.INDICATORS, envelope(wide, narrow, v6, onPolygon)).get("failures")).isEmpty();
        String sameAddressOnEthereum = WalletAddress.parse("eip155:1", polygon.address()).address();

        JsonNode answer = screened(client(), Map.of(
                "ips", List.of("198.18.5.9", "198.19.0.1", "2001:db8:77::5", "2001:db8:78::5", "198.18.5.9", "198.20.0.1"),
                "wallets", List.of(wallet(PAYOUT), Map.of("chain", "eip155:1", "address", sameAddressOnEthereum), wallet(PAYOUT)),
                "persona_tokens", List.of(Map.of("kind", "email", "scheme", APPLICANT.scheme(), "digest", APPLICANT.digest()))));

        List<String> found = new java.util.ArrayList<>();
        answer.get("matches").forEach(m -> found.add(m.get("input").stringValue() + " " + m.get("kind").stringValue() + " "
                + m.get("indicator").get("id").stringValue()));
        String wideId = wide.get("id").stringValue();
        String narrowId = narrow.get("id").stringValue();
        // Indicators in the order they were stored, each one's identifiers in the request's order.
        assertThat(found).containsExactly(
                "wallets[0] wallet " + payoutIndicator, "wallets[2] wallet " + payoutIndicator,
                "persona_tokens[0] persona-token " + personaIndicator,
                "ips[0] ip " + wideId, "ips[1] ip " + wideId, "ips[4] ip " + wideId,
                "ips[0] ip " + narrowId, "ips[4] ip " + narrowId,
                "ips[2] ip " + v6.get("id").stringValue());
        JsonNode payout = answer.get("matches").findParents("input").stream()
                .filter(m -> m.get("input").stringValue().equals("wallets[2]")).findFirst().orElseThrow();
        assertThat(payout.get("sightings").get("count").longValue()).isEqualTo(5);
        assertThat(payout.get("confidence").intValue()).isEqualTo(80);
        assertThat(answer.get("red_flags").findValuesAsString("flag")).containsExactly("login-from-known-facilitator-ip");
        assertThat(answer.get("risk").get("level").stringValue()).isEqualTo("high");
    }

    @Test
    void screenWhenIndicatorsNameSingleAddressesThenOnlyThatAddressMatches() {
        ObjectNode host = IndicatorBuilder.network(IpNetwork.parse("192.0.2.44"), IndicatorKind.LAPTOP_FARM_NETWORK)
                .createdByRef(TestStix.MEMBER_IDENTITY).marking(Tlp.AMBER).build();
        ObjectNode v6Host = IndicatorBuilder.network(IpNetwork.parse("2001:db8:99::7"), IndicatorKind.VPN_EXIT)
                .createdByRef(TestStix.MEMBER_IDENTITY).marking(Tlp.AMBER).build();
        ObjectNode v6Wide = IndicatorBuilder.network(IpNetwork.parse("2001:db8:90::/44"), IndicatorKind.VPN_EXIT)
                .createdByRef(TestStix.MEMBER_IDENTITY).marking(Tlp.AMBER).build();
        assertThat(taxii().publish(Taxii.INDICATORS, envelope(host, v6Host, v6Wide)).get("failures")).isEmpty();

        // Addresses (/32, /128) and networks of lengths no other indicator uses, in both families: each IP is looked
        // up at every length present, so a neighbour of a single address finds nothing, and an IPv4 address is never
        // compared with IPv6 networks. Matches come indicator by indicator in stored order.
        JsonNode answer = screened(client(), Map.of("ips",
                List.of("192.0.2.45", "192.0.2.44", "2001:db8:99::8", "2001:db8:99::7", "2001:db8:a0::1", "0.0.0.0")));

        List<String> found = new java.util.ArrayList<>();
        answer.get("matches").forEach(m -> found.add(m.get("input").stringValue() + " " + m.get("indicator").get("id").stringValue()));
        assertThat(found).containsExactly(
                "ips[1] " + host.get("id").stringValue(),
                "ips[3] " + v6Host.get("id").stringValue(),
                "ips[2] " + v6Wide.get("id").stringValue(), "ips[3] " + v6Wide.get("id").stringValue());
    }

    @Test
    void screenWhenIndicatorExpiredOrRevokedThenNoMatch() {
        JsonNode answer = screened(client(), Map.of("wallets", List.of(wallet(EXPIRED), wallet(REVOKED))));

        assertThat(answer.get("matches")).isEmpty();
        assertThat(answer.get("risk").get("level").stringValue()).isEqualTo("none");
    }

    @Test
    void screenWhenMatchNotReadableThenSameAnswerAsNoMatch() {
        TestMember software = register("screen-software", Nation.JP, Sector.SOFTWARE, Role.CONSUMER);

        String hidden = screen(software.client(), Map.of("wallets", List.of(wallet(GOVERNMENT_ONLY))))
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        String absent = screen(software.client(), Map.of("wallets", List.of(wallet(UNKNOWN))))
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        assertThat(hidden).isEqualTo(absent);
        assertThat(screened(client(), Map.of("wallets", List.of(wallet(GOVERNMENT_ONLY)))).get("matches")).hasSize(1);
    }

    @Test
    void screenWhenOnlyFactsThenRedFlagsAndTheirRule() {
        JsonNode answer = screened(client(), Map.of("facts", Map.of("refused_live_video", true, "concurrent_employments", 3)));

        assertThat(answer.get("red_flags").findValuesAsString("flag"))
                .containsExactly("refused-live-verification", "concurrent-employments");
        assertThat(answer.get("risk").get("level").stringValue()).isEqualTo("medium");
        assertThat(answer.get("risk").get("rule").stringValue()).startsWith("red-flags");
    }

    @Test
    void screenWhenValueInvalidThenBadRequestNamingIt() {
        Map<Map<String, Object>, String> refused = Map.of(
                Map.of("wallets", List.of(Map.of("chain", "eip155:1", "address", "0x123"))), "wallets[0]",
                Map.of("ips", List.of("203.0.113.0/24")), "ips[0]",
                Map.of("persona_tokens", List.of(Map.of("kind", "email", "scheme", "v2-oprf-p256", "digest", "zz"))), "persona_tokens[0]",
                Map.of("facts", Map.of("payout_country", "Korea")), "facts.payout_country",
                Map.of("names", List.of("Kim")), "names");
        refused.forEach((body, field) -> screen(client(), body)
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.field").isEqualTo(field));
    }

    @Test
    void screenWhenNoTokenThenUnauthorized() {
        anonymousClient().post().uri(ScreeningRoutes.PATH).contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isUnauthorized();
    }
}
