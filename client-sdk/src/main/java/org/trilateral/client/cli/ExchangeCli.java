package org.trilateral.client.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.trilateral.client.ApiRootInfo;
import org.trilateral.client.ExchangeClient;
import org.trilateral.client.ExchangeException;
import org.trilateral.client.FileCursorStore;
import org.trilateral.client.Indicators;
import org.trilateral.client.ObjectPage;
import org.trilateral.client.ObjectResult;
import org.trilateral.client.PollRequest;
import org.trilateral.client.PublishResult;
import org.trilateral.client.VerificationResult;
import org.trilateral.client.VerificationWindow;
import org.trilateral.integrity.jws.Jwk;
import org.trilateral.integrity.jws.JwsAlgorithm;
import org.trilateral.integrity.jws.SigningKey;
import org.trilateral.taxonomy.marking.Tlp;
import org.trilateral.taxonomy.stix.StixJson;
import org.trilateral.taxonomy.stix.StixTimestamp;
import org.trilateral.taxonomy.vocabulary.IndicatorKind;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The {@code exchange} command: login, publish, poll, watch, verify, keys, webhooks, …. Exit codes in {@link ExitCodes}. */
@Command(name = "exchange", mixinStandardHelpOptions = true, versionProvider = CliVersion.class,
        description = "Publish, poll and verify signed indicators on the trilateral indicator exchange.",
        subcommands = {ExchangeCli.Login.class, ExchangeCli.Publish.class, ExchangeCli.Poll.class,
                ExchangeCli.Verify.class, ExchangeCli.Keys.class, WatchCommand.class, WitnessCommand.class,
                LogCommand.class, ScreenCommand.class, SightingCommand.class, AdvisoryCommands.List.class,
                AdvisoryCommands.Group.class, WebhookCommands.Group.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 usage, 2 authentication/permission, 3 refused (validation), "
                + "4 verification failed, 5 network/server."})
public final class ExchangeCli implements Runnable {

    @picocli.CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(System.out, System.err, args));
    }

    /** Runs the command line with the given streams and returns the exit code (for tests and embedding). */
    public static int run(PrintStream out, PrintStream err, String... args) {
        CommandLine commandLine = new CommandLine(new ExchangeCli())
                .setOut(new PrintWriter(out, true, StandardCharsets.UTF_8))
                .setErr(new PrintWriter(err, true, StandardCharsets.UTF_8))
                .setParameterExceptionHandler((failure, arguments) -> {
                    CommandLine cl = failure.getCommandLine();
                    cl.getErr().println("exchange: " + failure.getMessage());
                    cl.getErr().println("Try '" + cl.getCommandSpec().qualifiedName() + " --help'.");
                    return ExitCodes.USAGE;
                })
                .setExecutionExceptionHandler((failure, cl, parsed) -> {
                    cl.getErr().println("exchange: " + message(failure, cl));
                    return ExitCodes.of(failure);
                });
        ExitCodes.describe(commandLine);
        return commandLine.execute(args);
    }

    private static String message(Throwable failure, CommandLine command) {
        if (failure instanceof java.nio.file.FileAlreadyExistsException exists) {
            return exists.getFile() + " already exists: it is left as it is";
        }
        if (failure instanceof java.nio.file.NoSuchFileException missing) {
            return "no such file: " + missing.getFile();
        }
        if (failure instanceof org.trilateral.client.NetworkException && refused(failure)) {
            CommandLine.Model.OptionSpec url = command.getCommandSpec().findOption("--url");
            String where = url == null || url.getValue() == null ? "the URL given" : url.getValue().toString();
            return "could not connect to " + where + ": is the exchange running at " + where
                    + "? (--url or EXCHANGE_URL; the README's first command starts one on port 8080)";
        }
        if (failure instanceof ExchangeException e && e.error().isPresent()) {
            return e.getMessage();
        }
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }

    /** Whether the failure is a refused connection: nothing listens at the URL. */
    private static boolean refused(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.ConnectException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (login, publish, poll, verify, keys)");
    }

    @Command(name = "login", mixinStandardHelpOptions = true,
            description = "Check that the exchange accepts your credentials and show its API root.")
    static final class Login implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;

        @picocli.CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            ApiRootInfo root = connection.builder().build().checkAccess();
            spec.commandLine().getOut().println("credentials accepted by " + connection.url + " (API root \""
                    + root.title() + "\", max_content_length " + root.maxContentLength() + ")");
            return ExitCodes.OK;
        }
    }

    @Command(name = "publish", mixinStandardHelpOptions = true,
            description = {"Sign and publish objects: a STIX bundle file, or one indicator from flags. Persona identifiers"
                    + " (e-mail, phone) are normalised and hashed on this machine; the raw value is never sent."})
    static final class Publish implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;

        @picocli.CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Source source;

        static final class Source {
            @Option(names = "--bundle", description = "A STIX 2.1 bundle file whose objects are published.")
            Path bundle;
            @Option(names = "--wallet", description = "A wallet as CAIP-10 (eip155:1:0x…) or <chain alias>:<address>.")
            String wallet;
            @Option(names = "--email", description = "An e-mail address of a fake persona (hashed locally).")
            String email;
            @Option(names = "--phone", description = "A phone number of a fake persona (hashed locally): +<country code> and"
                    + " number, or a national number with --region.")
            String phone;
            @Option(names = "--ip", description = "An IP address or CIDR network of facilitator infrastructure.")
            String ip;
        }

        @Option(names = "--region", description = "Region for national phone numbers, e.g. KR, JP, US.")
        String region;

        @Option(names = "--kind", defaultValue = "laptop-farm-network", completionCandidates = IpKinds.class,
                description = "Indicator kind of an --ip: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
        String kind;

        /** The indicator kinds of facilitator infrastructure given by IP address or network. */
        static final class IpKinds extends ArrayList<String> {
            IpKinds() {
                super(List.of(IndicatorKind.LAPTOP_FARM_NETWORK.value(), IndicatorKind.VPN_EXIT.value(),
                        IndicatorKind.REMOTE_ACCESS_TOOL.value()));
            }
        }

        @Option(names = "--tlp", defaultValue = "amber", description = "TLP 2.0 marking: clear, green, amber, amber+strict, red (default ${DEFAULT-VALUE}).")
        String tlp;

        @Option(names = "--identity", defaultValue = "${env:EXCHANGE_IDENTITY}",
                description = "Your organisation's STIX identity id, written as created_by_ref (env EXCHANGE_IDENTITY).")
        String identity;

        @Option(names = "--key", defaultValue = "${env:EXCHANGE_SIGNING_KEY}",
                description = "Your private signing JWK file (env EXCHANGE_SIGNING_KEY); see `exchange keys generate`.")
        Path key;

        @Option(names = "--collection", defaultValue = "indicators", description = "Collection id or alias (default ${DEFAULT-VALUE}).")
        String collection;

        @Override
        public Integer call() throws IOException {
            if (key == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--key (or EXCHANGE_SIGNING_KEY) is required: objects are signed");
            }
            List<JsonNode> objects = new ArrayList<>();
            if (source.bundle != null) {
                JsonNode bundle = StixJson.mapper().readTree(Files.readString(source.bundle));
                JsonNode array = bundle.get("objects");
                if (array == null || !array.isArray()) {
                    throw new IllegalArgumentException(source.bundle + " is not a STIX bundle: it has no \"objects\" array");
                }
                array.forEach(objects::add);
            } else {
                objects.add(indicator());
            }
            ExchangeClient client = connection.builder().signingKey(ConnectionOptions.readKey(key)).build();
            Progress progress = new Progress(System.err, "published");
            PublishResult result = client.publish(collection, objects);
            progress.add(result.results().size());
            PrintWriter out = spec.commandLine().getOut();
            for (ObjectResult r : result.results()) {
                out.println(r.outcome() + " " + r.id() + (r.version() == null ? "" : " " + r.version())
                        + (r.message() == null ? "" : ": " + r.message())
                        + (r.logIndex().isPresent() ? " (log index " + r.logIndex().getAsLong() + ")" : ""));
            }
            if (!result.refused().isEmpty()) {
                return ExitCodes.REFUSED;
            }
            return result.pending().isEmpty() ? ExitCodes.OK : ExitCodes.UNAVAILABLE;
        }

        private ObjectNode indicator() {
            if (identity == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--identity (or EXCHANGE_IDENTITY) is required to build an indicator");
            }
            Indicators indicators = new Indicators(identity);
            Tlp marking = tlp(tlp);
            if (source.wallet != null) {
                return indicators.wallet(source.wallet, marking);
            }
            if (source.email != null) {
                return indicators.email(source.email, marking);
            }
            if (source.phone != null) {
                if (region == null && !source.phone.strip().startsWith("+")) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--phone '" + source.phone
                            + "' has no country code: add --region (e.g. --region KR, JP or US) or write it as +<country code><number>");
                }
                return indicators.phone(source.phone, region, marking);
            }
            IndicatorKind indicatorKind = java.util.Arrays.stream(IndicatorKind.values())
                    .filter(k -> k.value().equals(kind) && new IpKinds().contains(k.value())).findFirst()
                    .orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(), "unknown --kind '" + kind
                            + "': use one of " + String.join(", ", new IpKinds())));
            return indicators.ip(source.ip, indicatorKind, marking);
        }

        private Tlp tlp(String text) {
            for (Tlp value : Tlp.values()) {
                if (value.tlp20Value().equalsIgnoreCase(text)) {
                    return value;
                }
            }
            throw new CommandLine.ParameterException(spec.commandLine(), "unknown --tlp '" + text
                    + "': use clear, green, amber, amber+strict or red");
        }
    }

    @Command(name = "poll", mixinStandardHelpOptions = true,
            description = {"Read a collection's objects as JSON lines, to standard output or a file, each line the object"
                    + " as the exchange sent it. With --cursor, resumes after the last page a previous run finished and"
                    + " saves its position after each page, once the page is written out (and, with --output, on disk);"
                    + " cursors are kept per exchange URL and collection."})
    static final class Poll implements Callable<Integer> {
        /** The page size asked for by default: the exchange's default maximum (it lowers a larger one to its own). */
        static final int DEFAULT_PAGE_SIZE = 10_000;

        @Mixin
        ConnectionOptions connection;

        @picocli.CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--collection", defaultValue = "indicators", description = "Collection id or alias (default ${DEFAULT-VALUE}).")
        String collection;

        @Option(names = "--cursor", description = "Name of the durable cursor to resume from and keep.")
        String cursor;

        @Option(names = "--cursor-dir", defaultValue = ".exchange/cursors",
                description = "Where cursors are kept, under <exchange>/<collection>/ (default ${DEFAULT-VALUE}).")
        Path cursorDir;

        @Option(names = "--type", split = ",", description = "Only these STIX types (match[type]).")
        List<String> types = new ArrayList<>();

        @Option(names = "--added-after", description = "Only objects added after this RFC 3339 time (first run only).")
        String addedAfter;

        @Option(names = "--match-version", description = "match[version]: last (default), first, all or timestamps.")
        String version;

        @Option(names = "--limit", defaultValue = "" + DEFAULT_PAGE_SIZE, description = {"Objects per page (default"
                + " ${DEFAULT-VALUE}; the exchange lowers a larger limit to its maximum, exchange.taxii.max-page-size);"
                + " memory holds at most 1 + --pages-ahead pages."})
        int limit;

        @Option(names = "--pages-ahead", defaultValue = "1", description = {"Pages requested while the one before is"
                + " written (default ${DEFAULT-VALUE}; 0: each page only once the one before is written)."})
        int pagesAhead;

        @Option(names = {"-o", "--output"}, description = "Append the objects to this file instead of standard output.")
        Path output;

        @Override
        public Integer call() throws IOException {
            if (limit < 1 || pagesAhead < 0) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--limit must be at least 1 and --pages-ahead"
                        + " at least 0");
            }
            PollRequest request = PollRequest.of(collection).withPageSize(limit).withVersion(version)
                    .withTypes(types.toArray(String[]::new));
            if (addedAfter != null) {
                Instant after = StixTimestamp.parse(addedAfter);
                request = request.withAddedAfter(after);
            }
            if (cursor != null) {
                request = request.withCursor(cursor);
            }
            ExchangeClient client = connection.builder()
                    .cursorStore(new FileCursorStore(CursorDirectory.of(cursorDir, connection.url, collection))).build();
            Progress progress = new Progress(System.err, "polled");
            try (JsonLinesOutput out = output == null ? JsonLinesOutput.to(spec.commandLine().getOut())
                    : JsonLinesOutput.appendingTo(output)) {
                // The cursor moves past a page when the next one is asked for: after the page is written and committed.
                for (ObjectPage page : client.pollPages(request, pagesAhead)) {
                    out.write(page);
                    out.commit();
                    if (page.size() > 0) {
                        progress.add(page.size());
                    }
                }
            }
            if (progress.done() == 0) {
                spec.commandLine().getErr().println(cursor == null
                        ? "no objects in collection '" + collection + "' that you may read"
                        : "no new objects in collection '" + collection + "' since cursor '" + cursor + "' (nothing written)");
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Verify objects against the transparency log, trusting the members, not the hub: each"
                    + " object's log entry (its opening) commits to exactly its content; the entry is included under a"
                    + " checkpoint signed by the log's key and cosigned by the witnesses, consistent with every checkpoint"
                    + " verified before; and its signature is by a key the log proves the publisher registered, with the"
                    + " member's proof, before the object.",
                    "Reads a file (a STIX bundle or JSON lines) or a collection (with --cursor, only what is new since"
                    + " the last run); prints one line per object, FAILED <failure> <id> <version>: <why> for each failure."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:every object verified", "1:usage", "2:authentication or permission refused",
                    "4:at least one object failed verification", "5:network or server failure"})
    static final class Verify implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;

        @Mixin
        TrustOptions trust;

        @picocli.CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--file", description = "A STIX bundle or a JSON-lines file (as `poll` writes).")
        Path file;

        @Option(names = "--collection", defaultValue = "indicators", description = "Collection to verify when no --file (default ${DEFAULT-VALUE}).")
        String collection;

        @Option(names = "--cursor", description = "With a collection: name of the durable cursor, to verify only objects added since the last run.")
        String cursor;

        @Option(names = "--cursor-dir", defaultValue = ".exchange/cursors",
                description = "Where cursors are kept, under <exchange>/<collection>/ (default ${DEFAULT-VALUE}).")
        Path cursorDir;

        @Option(names = "--batch", defaultValue = "1000", description = {"Objects verified together: one request for"
                + " their log entries; with a collection, the page size (default ${DEFAULT-VALUE})."})
        int batch;

        @Option(names = "--batches-ahead", defaultValue = "1", description = {"Batches whose digests and log entries are"
                + " fetched while one is checked (with a collection: pages requested while one is verified; default"
                + " ${DEFAULT-VALUE}); memory holds 1 + this many batches."})
        int batchesAhead;

        @Option(names = "--threads", description = {"Threads that check entries and signatures (default: every core)."})
        Integer threads;

        @Override
        public Integer call() throws IOException {
            if (batch < 1 || batchesAhead < 0 || threads != null && threads < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--batch and --threads must be at least 1,"
                        + " --batches-ahead at least 0");
            }
            VerificationWindow window = new VerificationWindow(batch, batchesAhead,
                    threads != null ? threads : Runtime.getRuntime().availableProcessors());
            ExchangeClient client = trust.apply(connection.builder()
                            .cursorStore(new FileCursorStore(CursorDirectory.of(cursorDir, connection.url, collection))),
                    connection.url, spec.commandLine()).build();
            // One line per object: buffered and flushed once per batch, not a write to the terminal or file per line.
            PrintWriter out = new PrintWriter(new BufferedWriter(spec.commandLine().getOut(), 1 << 16), false);
            Progress progress = new Progress(System.err, "verified");
            long[] failed = new long[1];
            long[] printed = new long[1];
            Consumer<VerificationResult> print = result -> {
                out.append(result.ok() ? "OK " : "FAILED " + result.failure() + " ").append(result.objectId())
                        .append(' ').append(result.version()).append(": ").append(result.detail()).append('\n');
                failed[0] += result.ok() ? 0 : 1;
                if (++printed[0] % batch == 0) {
                    out.flush();
                    progress.add(batch);
                }
            };
            try {
                verify(client, window, print, out);
            } finally {
                out.flush();
            }
            if (printed[0] % batch != 0) {
                progress.add(printed[0] % batch);
            }
            long total = progress.done();
            out.println(total + (total == 1 ? " object, " : " objects, ") + failed[0] + " failed verification");
            out.flush();
            return failed[0] == 0 ? ExitCodes.OK : ExitCodes.VERIFICATION;
        }

        /** Verifies the file's or the collection's objects, each result to {@code print} in order. */
        private void verify(ExchangeClient client, VerificationWindow window, Consumer<VerificationResult> print,
                            PrintWriter out) throws IOException {
            if (file != null) {
                try (ObjectFile objects = ObjectFile.open(file)) {
                    client.verifyStream(objects, null, window, print);
                }
            } else {
                PollRequest request = PollRequest.of(collection).withPageSize(batch);
                request = cursor == null ? request : request.withCursor(cursor);
                // Page by page: the cursor moves past a page only once all of it is verified and printed.
                for (ObjectPage page : client.pollPages(request, batchesAhead)) {
                    client.verifyAll(page.trees(), collection).forEach(print);
                    out.flush();
                }
            }
        }
    }

    @Command(name = "keys", mixinStandardHelpOptions = true, description = "Member signing keys.",
            subcommands = {Keys.Generate.class, Keys.Thumbprint.class, KeysRegisterCommand.class})
    static final class Keys implements Runnable {
        @picocli.CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            throw new CommandLine.ParameterException(spec.commandLine(), "a keys command is required (generate, thumbprint, register)");
        }

        @Command(name = "generate", mixinStandardHelpOptions = true,
                description = {"Generate a key pair: the private JWK goes to --out (readable only by you), the public JWK"
                        + " to --public-out or else standard output. Neither file is ever overwritten: a second run with"
                        + " the same files changes nothing and exits 1."})
        static final class Generate implements Callable<Integer> {
            @picocli.CommandLine.Spec
            CommandLine.Model.CommandSpec spec;

            @Option(names = "--out", required = true, description = "File for the private JWK; must not exist.")
            Path out;

            @Option(names = "--public-out", description = "File for the public JWK (to register); must not exist. Default: standard output.")
            Path publicOut;

            @Option(names = "--alg", defaultValue = "EdDSA", description = "EdDSA (Ed25519, default) or ES256.")
            String alg;

            @Override
            public Integer call() throws IOException {
                JwsAlgorithm algorithm = JwsAlgorithm.fromHeaderValue(alg).orElseThrow(() ->
                        new CommandLine.ParameterException(spec.commandLine(), "unknown --alg '" + alg + "': use EdDSA or ES256"));
                for (Path file : publicOut == null ? List.of(out) : List.of(out, publicOut)) {
                    if (Files.exists(file)) {
                        throw new CommandLine.ParameterException(spec.commandLine(), file + " already exists: it is left as"
                                + " it is (it may hold your registered key); choose another file or delete it first");
                    }
                }
                if (out.equals(publicOut)) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--out and --public-out must be different files");
                }
                SigningKey key = SigningKey.generate(algorithm);
                String publicJson = StixJson.mapper().writeValueAsString(key.publicKey().toJson());
                Files.writeString(out, StixJson.mapper().writeValueAsString(key.toPrivateJson()) + "\n",
                        StandardOpenOption.CREATE_NEW);
                try {
                    Files.setPosixFilePermissions(out, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system: the platform's default permissions apply
                }
                if (publicOut != null) {
                    Files.writeString(publicOut, publicJson + "\n", StandardOpenOption.CREATE_NEW);
                    spec.commandLine().getErr().println("private key written to " + out + ", public key to " + publicOut
                            + "; kid (JWK thumbprint) " + key.kid());
                } else {
                    spec.commandLine().getOut().println(publicJson);
                    spec.commandLine().getErr().println("private key written to " + out + "; kid (JWK thumbprint) " + key.kid());
                }
                return ExitCodes.OK;
            }
        }

        @Command(name = "thumbprint", mixinStandardHelpOptions = true,
                description = "Show the JWK thumbprint (RFC 7638), the kid of your signatures, of a private or public key file.")
        static final class Thumbprint implements Callable<Integer> {
            @picocli.CommandLine.Spec
            CommandLine.Model.CommandSpec spec;

            @Option(names = "--key", required = true, description = "A JWK file, private (member.jwk) or public (member-public.jwk).")
            Path key;

            @Override
            public Integer call() throws IOException {
                JsonNode jwk = StixJson.mapper().readTree(Files.readString(key));
                String kid = jwk.has("d") ? SigningKey.fromJson(jwk).kid() : Jwk.fromJson(jwk).thumbprint();
                spec.commandLine().getOut().println(kid);
                return ExitCodes.OK;
            }
        }
    }
}
