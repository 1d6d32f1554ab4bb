package org.trilateral.client.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trilateral.client.Credentials;
import org.trilateral.client.ExchangeClient;
import org.trilateral.client.ObjectResult;
import org.trilateral.client.PublishResult;
import org.trilateral.client.RunningExchange;
import org.trilateral.client.ScreenRequest;
import org.trilateral.client.ScreenResult;
import org.trilateral.client.SightingReport;
import org.trilateral.client.StaffResult;
import org.trilateral.integrity.jws.SigningKey;
import org.trilateral.taxonomy.indicator.IndicatorBuilder;
import org.trilateral.taxonomy.indicator.IpNetwork;
import org.trilateral.taxonomy.marking.Tlp;
import org.trilateral.taxonomy.persona.EmailIdentifiers;
import org.trilateral.taxonomy.persona.PersonaDigest;
import org.trilateral.taxonomy.stix.StixJson;
import org.trilateral.taxonomy.vocabulary.IndicatorKind;
import org.trilateral.taxonomy.wallet.WalletAddress;
import tools.jackson.databind.JsonNode;

/**
 * The SDK's {@code screen} and {@code exchange screen} against the real exchange: one member publishes an oblivious
 * persona token, a wallet and a farm network; another screens candidates by flags and from a CSV file.
 */
class ScreenCommandTest {

    private static final String EMAIL = "Ji-ho.Applicant@Example.com";
    private static final String WALLET = "eip155:1:0x52908400098527886E0F7030069857D2E4169EE7";

    @TempDir
    static Path directory;

    private static RunningExchange exchange;
    private static String url;
    /** jp-agency's signing key, registered by jp-agency itself (its own root), for its sightings. */
    private static final SigningKey JP_KEY = SigningKey.generate();

    @BeforeAll
    static void start() {
        exchange = RunningExchange.start(directory.resolve("postgres"));
        url = exchange.baseUrl().toString();
        SigningKey key = SigningKey.generate();
        exchange.registerKey(key.publicKey());
        ExchangeClient publisher = exchange.clientBuilder().signingKey(key).build();
        PersonaDigest token = publisher.personaTokens().token(EmailIdentifiers.normalise(EMAIL));
        PublishResult result = publisher.publish("indicators", List.of(
                IndicatorBuilder.personaIdentifier(token).createdByRef(RunningExchange.MEMBER_IDENTITY).marking(Tlp.AMBER).build(),
                IndicatorBuilder.wallet(WalletAddress.parse("eip155:1", "0x52908400098527886E0F7030069857D2E4169EE7"))
                        .createdByRef(RunningExchange.MEMBER_IDENTITY).marking(Tlp.AMBER).build(),
                IndicatorBuilder.network(IpNetwork.parse("203.0.113.0/24"), IndicatorKind.LAPTOP_FARM_NETWORK)
                        .createdByRef(RunningExchange.MEMBER_IDENTITY).marking(Tlp.AMBER).build()));
        assertThat(result.refused()).isEmpty();
        exchange.clientBuilder().credentials(Credentials.bearer(exchange.devToken("jp-agency"))).build()
                .registerOwnKey(JP_KEY, JP_KEY, false);
    }

    @AfterAll
    static void stop() {
        exchange.close();
    }

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ExchangeCli.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void screenWhenAnotherMemberPublishedTheCandidatesEmailThenMatchedThroughTheToken() {
        ExchangeClient screener = exchange.clientBuilder().credentials(Credentials.bearer(exchange.devToken("jp-agency"))).build();

        ScreenResult result = screener.screen(ScreenRequest.builder().label("applicant 7")
                .persona(EmailIdentifiers.normalise("ji-ho.applicant@example.com")).wallet(WALLET).ip("198.51.100.9").build());

        assertThat(result.riskLevel()).isEqualTo("high");
        assertThat(result.matches()).extracting(ScreenResult.Match::input).containsExactlyInAnyOrder("personas[0]", "wallets[0]");
        assertThat(result.json().get("label").stringValue()).isEqualTo("applicant 7");
    }

    @Test
    void screenCommandWhenFlagsThenOneJsonLine() {
        Run run = run("screen", "--url", url, "--token", exchange.devToken("jp-agency"), "--label", "c-1",
                "--email", EMAIL, "--ip", "203.0.113.9", "--claimed-residence", "US", "--payout-country", "KR");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(1);
        JsonNode answer = StixJson.mapper().readTree(lines.get(0));
        assertThat(answer.get("label").stringValue()).isEqualTo("c-1");
        assertThat(answer.get("risk").get("level").stringValue()).isEqualTo("high");
        assertThat(answer.get("matches")).hasSize(2);
        assertThat(answer.get("red_flags").findValuesAsString("flag"))
                .contains("payment-to-foreign-bank", "login-from-known-facilitator-ip");
    }

    @Test
    void screenCommandWhenCsvThenOneLinePerRowAndProgress() throws Exception {
        Path csv = directory.resolve("candidates.csv");
        Files.writeString(csv, String.join("\n",
                "label,email,wallet,refused_live_video",
                "alice,alice@example.org,,false",
                "\"bob, the second\"," + EMAIL + ";bob@example.org," + WALLET + ",true",
                ""));

        Run run = run("screen", "--url", url, "--token", exchange.devToken("jp-agency"), "--csv", csv.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<JsonNode> lines = run.out().lines().map(l -> StixJson.mapper().readTree(l)).toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("label").stringValue()).isEqualTo("alice");
        assertThat(lines.get(0).get("risk").get("level").stringValue()).isEqualTo("none");
        assertThat(lines.get(1).get("label").stringValue()).isEqualTo("bob, the second");
        assertThat(lines.get(1).get("matches")).hasSize(2);
        assertThat(run.err()).contains("screened 2");
    }

    @Test
    void screenCommandWhenPaymentAccountAndShippingAddressThenTokenisedAndScreened() {
        Run run = run("screen", "--url", url, "--token", exchange.devToken("jp-agency"),
                "--payment-account", "payoneer:1234-5678", "--shipping-address", "US|10001-1234|350 Fifth Avenue|Apt 4");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(StixJson.mapper().readTree(run.out().strip()).get("risk").get("level").stringValue()).isEqualTo("none");
        Run wrong = run("screen", "--url", url, "--token", exchange.devToken("jp-agency"), "--shipping-address", "US|10001");
        assertThat(wrong.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(wrong.err()).contains("<CC>|<postcode>|<street line>");
    }

    @Test
    void reportSightingWhenScreeningMatchedThenSignedSightingCountedAndConfidenceRaised() {
        ExchangeClient screener = exchange.clientBuilder().credentials(Credentials.bearer(exchange.devToken("jp-agency")))
                .signingKey(JP_KEY).build();
        String farm = "203.0.113.41";
        ScreenResult.Match before = screener.screen(ScreenRequest.builder().ip(farm).build()).matches().get(0);

        ObjectResult reported = screener.reportSighting(SightingReport.of(before).count(3).build());
        ScreenResult.Match after = screener.screen(ScreenRequest.builder().ip(farm).build()).matches().get(0);

        assertThat(reported.accepted()).as(reported.message()).isTrue();
        assertThat(reported.id()).startsWith("sighting--");
        assertThat(after.indicatorId()).isEqualTo(before.indicatorId());
        assertThat(after.sightingsCount()).isEqualTo(before.sightingsCount() + 3);
        assertThat(after.confidence()).isEqualTo(before.confidence() + 10);
    }

    @Test
    void reportSightingWhenNoSigningKeyThenRefusedBeforeSending() {
        ExchangeClient unsigned = exchange.clientBuilder().credentials(Credentials.bearer(exchange.devToken("jp-agency"))).build();

        assertThatThrownBy(() -> unsigned.reportSighting(SightingReport.of("indicator--" + java.util.UUID.randomUUID()).build()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("signingKey");
    }

    @Test
    void sightingCommandWhenIndicatorGivenThenAcceptedAndCounted() throws Exception {
        Path keyFile = directory.resolve("jp-sighting.jwk");
        Files.writeString(keyFile, JP_KEY.toPrivateJson().toString());
        ExchangeClient screener = exchange.clientBuilder().credentials(Credentials.bearer(exchange.devToken("jp-agency"))).build();
        String indicator = screener.screen(ScreenRequest.builder().wallet(WALLET).build()).matches().get(0).indicatorId();
        long before = screener.screen(ScreenRequest.builder().wallet(WALLET).build()).matches().get(0).sightingsCount();

        Run run = run("sighting", "--url", url, "--token", exchange.devToken("jp-agency"), "--indicator", indicator,
                "--count", "2", "--first-seen", "2026-11-01T00:00:00Z", "--key", keyFile.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("ACCEPTED sighting--");
        assertThat(screener.screen(ScreenRequest.builder().wallet(WALLET).build()).matches().get(0).sightingsCount())
                .isEqualTo(before + 2);
        Run wrong = run("sighting", "--url", url, "--token", exchange.devToken("jp-agency"), "--indicator", "nope",
                "--key", keyFile.toString());
        assertThat(wrong.exitCode()).isNotZero();
    }

    @Test
    void registerStaffWhenTwoMembersEmployTheSamePersonThenBothLearnItUnnamed() {
        ExchangeClient us = exchange.clientBuilder().credentials(Credentials.bearer(exchange.devToken("us-agency"))).build();
        ExchangeClient jp = exchange.clientBuilder().credentials(Credentials.bearer(exchange.devToken("jp-agency"))).build();
        var person = EmailIdentifiers.normalise("moonlighter@example.com");

        StaffResult first = us.registerStaff(List.of(person, EmailIdentifiers.normalise("only-us@example.com")), List.of());
        StaffResult second = jp.registerStaff(List.of(EmailIdentifiers.normalise("only-jp@example.com"), person), List.of());
        StaffResult again = us.registerStaff(List.of(person, EmailIdentifiers.normalise("only-us@example.com")), List.of());

        assertThat(first.registered()).isEqualTo(2);
        assertThat(first.employedElsewhere()).isEmpty();
        assertThat(second.employedElsewhere()).containsExactly(new StaffResult.EmployedElsewhere(1, 1, List.of()));
        assertThat(again.employedElsewhere()).containsExactly(new StaffResult.EmployedElsewhere(0, 1, List.of()));
    }

    @Test
    void screenCommandWhenNothingGivenThenUsage() {
        assertThat(run("screen", "--url", url, "--token", "x").exitCode()).isEqualTo(ExitCodes.USAGE);
    }
}
