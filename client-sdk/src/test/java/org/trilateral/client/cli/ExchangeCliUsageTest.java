package org.trilateral.client.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What a new user meets before any exchange is involved: keys, help, version, and refusals that say what to do. */
class ExchangeCliUsageTest {

    private static final String IDENTITY = "identity--3bf78504-2b5b-4638-99fe-c8b63f51d960";

    @TempDir
    Path directory;

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ExchangeCli.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void keysGenerateWhenRunTwiceThenUsageExitSayingAlreadyExistsAndFilesUnchanged() throws Exception {
        Path key = directory.resolve("member.jwk");
        Path publicKey = directory.resolve("member-public.jwk");
        Run first = run("keys", "generate", "--out", key.toString(), "--public-out", publicKey.toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).isEmpty();
        String before = Files.readString(key) + Files.readString(publicKey);

        Run second = run("keys", "generate", "--out", key.toString(), "--public-out", publicKey.toString());

        assertThat(second.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(second.err()).contains(key + " already exists");
        assertThat(Files.readString(key) + Files.readString(publicKey)).isEqualTo(before);
    }

    @Test
    void keysGenerateWhenOnlyThePublicFileExistsThenNothingWritten() throws Exception {
        Path publicKey = directory.resolve("member-public.jwk");
        Files.writeString(publicKey, "");

        Run run = run("keys", "generate", "--out", directory.resolve("member.jwk").toString(), "--public-out", publicKey.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains(publicKey + " already exists");
        assertThat(directory.resolve("member.jwk")).doesNotExist();
    }

    @Test
    void keysThumbprintWhenPublicOrPrivateKeyThenTheSameKid() {
        Path key = directory.resolve("member.jwk");
        Path publicKey = directory.resolve("member-public.jwk");
        Run generated = run("keys", "generate", "--out", key.toString(), "--public-out", publicKey.toString());

        Run fromPrivate = run("keys", "thumbprint", "--key", key.toString());
        Run fromPublic = run("keys", "thumbprint", "--key", publicKey.toString());

        assertThat(fromPublic.exitCode()).as(fromPublic.err()).isZero();
        assertThat(fromPublic.out()).isEqualTo(fromPrivate.out());
        assertThat(generated.err()).contains(fromPublic.out().strip());
    }

    @Test
    void versionWhenAskedThenTheArtifactsVersion() {
        Run run = run("--version");

        assertThat(run.out().strip()).isEqualTo("exchange " + System.getProperty("project.version"));
        assertThat(System.getProperty("project.version")).isNotBlank();
    }

    @Test
    void helpWhenAnyCommandThenListsExitCodesAndNoSummaryIsCutMidSentence() {
        List<CommandLine> all = new ArrayList<>();
        collect(new CommandLine(new ExchangeCli()), all);
        for (CommandLine command : all) {
            String name = command.getCommandSpec().qualifiedName();
            Run help = run(append(name.substring("exchange".length()).strip(), "--help"));
            assertThat(help.out()).as(name).contains("Exit codes:");
            String[] description = command.getCommandSpec().usageMessage().description();
            if (description.length > 0) {
                // The first element is the command's summary in its parent's list: a whole sentence.
                assertThat(description[0].strip()).as(name).matches("(?s).*[.)]");
            }
        }
    }

    private static String[] append(String command, String option) {
        List<String> words = new ArrayList<>(command.isEmpty() ? List.of() : List.of(command.split(" ")));
        words.add(option);
        return words.toArray(String[]::new);
    }

    private static void collect(CommandLine command, List<CommandLine> all) {
        if (command.getCommandName().equals("help")) {
            return;
        }
        all.add(command);
        command.getSubcommands().values().forEach(sub -> collect(sub, all));
    }

    @Test
    void publishWhenNationalPhoneWithoutRegionThenSuggestsRegion() {
        Run run = run("publish", "--phone", "010-1234-5678", "--key", "member.jwk", "--identity", IDENTITY);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("add --region");
    }

    @Test
    void publishWhenUnknownKindThenListsTheValidOnes() {
        Run run = run("publish", "--ip", "192.0.2.1", "--kind", "laptop", "--key", "member.jwk", "--identity", IDENTITY);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("laptop-farm-network, vpn-exit, remote-access-tool");
    }

    @Test
    void publishWhenUnknownChainThenListsChainsInAStableOrder() throws Exception {
        Path key = directory.resolve("member.jwk");
        run("keys", "generate", "--out", key.toString(), "--public-out", directory.resolve("p.jwk").toString());

        Run run = run("publish", "--wallet", "dogecoin:DH5yaieqoZN36fDVciNyRueRGvGLR3mr7L", "--key", key.toString(),
                "--identity", IDENTITY);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(run.err()).contains("[bitcoin, bitcoin-testnet, ethereum, solana, tron]");
    }

    @Test
    void cursorDirectoryWhenTwoExchangesOrCollectionsThenSeparate() {
        Path root = Path.of(".exchange/cursors");

        assertThat(CursorDirectory.of(root, URI.create("http://localhost:8080"), "indicators"))
                .isEqualTo(root.resolve("http_localhost_8080").resolve("indicators"));
        assertThat(CursorDirectory.of(root, URI.create("https://exchange.example/"), "indicators"))
                .isNotEqualTo(CursorDirectory.of(root, URI.create("https://exchange.example:8443/"), "indicators"))
                .isNotEqualTo(CursorDirectory.of(root, URI.create("https://exchange.example/"), "advisories"));
    }

    @Test
    void pollWhenNothingNewThenSaysSoOnStderrAndWritesNothing() {
        WireMockServer exchange = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        exchange.start();
        try {
            String taxii = "application/taxii+json;version=2.1";
            exchange.stubFor(get(urlPathEqualTo("/trilateral/collections/indicators/objects/"))
                    .willReturn(aResponse().withHeader("Content-Type", taxii).withBody("{\"more\":false}")));

            Run run = run("poll", "--url", exchange.baseUrl(), "--token", "t", "--cursor", "first-steps",
                    "--cursor-dir", directory.toString());

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).contains("no new objects in collection 'indicators' since cursor 'first-steps'");
        } finally {
            exchange.stop();
        }
    }

    @Test
    void loginWhenNothingListensThenAsksWhetherTheExchangeRunsThere() {
        Run run = run("login", "--url", "http://localhost:1");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(run.err()).startsWith("exchange: could not connect to http://localhost:1: is the exchange running at http://localhost:1?");
    }

    @Test
    void progressWhenOneObjectThenSingular() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress progress = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), "published");

        progress.add(1);

        assertThat(bytes.toString(StandardCharsets.UTF_8)).startsWith("published 1 object (");
    }
}
