package org.trilateral.client.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.trilateral.client.witness.FileWitnessState;
import org.trilateral.client.witness.WitnessServer;
import org.trilateral.integrity.checkpoint.Cosigner;
import org.trilateral.integrity.checkpoint.NoteFormatException;
import org.trilateral.integrity.checkpoint.NoteVerifierKey;
import org.trilateral.integrity.witness.Witness;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code exchange witness}: run a transparency-log witness (C2SP tlog-witness) for the exchange's log. */
@Command(name = "witness", mixinStandardHelpOptions = true,
        description = {"Run a witness of the exchange's log (C2SP tlog-witness): it cosigns a checkpoint only when the "
                + "log signed it and it extends the last checkpoint this witness cosigned, so clients that require its "
                + "cosignature all see one log."},
        subcommands = {WitnessCommand.Keygen.class, WitnessCommand.Serve.class})
final class WitnessCommand implements Runnable {

    @picocli.CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a witness command is required (keygen, serve)");
    }

    @Command(name = "keygen", mixinStandardHelpOptions = true,
            description = {"Make a witness key: the secret goes to --out (readable only by you), the public cosigner "
                    + "key (<name>+<id>+<key>) to standard output, for clients' --witness and the exchange's configuration."},
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:written", "1:usage, or --out exists"})
    static final class Keygen implements Callable<Integer> {
        @picocli.CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--name", required = true, description = "The witness's name, a schema-less URL (e.g. witness.jp.example/w1).")
        String name;

        @Option(names = "--out", required = true, description = "File for the secret key; must not exist.")
        Path out;

        @Override
        public Integer call() throws IOException {
            if (Files.exists(out)) {
                throw new CommandLine.ParameterException(spec.commandLine(), out + " already exists; choose another --out");
            }
            Cosigner cosigner = Cosigner.generate(name);
            Files.writeString(out, cosigner.format() + "\n", StandardOpenOption.CREATE_NEW);
            try {
                Files.setPosixFilePermissions(out, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the platform's default permissions apply
            }
            spec.commandLine().getOut().println(cosigner.key().format());
            return ExitCodes.OK;
        }
    }

    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = {"Serve the witness: POST <prefix>add-checkpoint and GET <prefix><origin hash>/checkpoint.",
                    "Runs until stopped."},
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:stopped", "1:usage"})
    static final class Serve implements Callable<Integer> {
        @picocli.CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--key", required = true, description = "The witness's secret key file (from `exchange witness keygen`).")
        Path key;

        @Option(names = "--log", required = true, description = {"A log to witness: its note verifier key "
                + "(<origin>+<hash>+<key>, the exchange's {url}/log/key, obtained out of band) or a file; repeatable."})
        List<String> logs = new ArrayList<>();

        @Option(names = "--state-dir", defaultValue = "witness-state", description = "Where the latest cosigned checkpoints are kept (default ${DEFAULT-VALUE}).")
        Path stateDir;

        @Option(names = "--listen", defaultValue = "127.0.0.1:8081", description = "host:port to listen on (default ${DEFAULT-VALUE}).")
        String listen;

        @Option(names = "--prefix", defaultValue = "/", description = "URL prefix (default ${DEFAULT-VALUE}).")
        String prefix;

        @Override
        public Integer call() throws IOException, InterruptedException {
            Cosigner cosigner;
            try {
                cosigner = Cosigner.parse(Files.readString(key));
            } catch (NoteFormatException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--key " + key + ": " + e.getMessage());
            }
            Map<String, List<NoteVerifierKey>> followed = new LinkedHashMap<>();
            for (String log : logs) {
                Path file = Path.of(log);
                String text = Files.isRegularFile(file) ? Files.readString(file).strip() : log.strip();
                try {
                    NoteVerifierKey logKey = NoteVerifierKey.parse(text);
                    followed.computeIfAbsent(logKey.name(), n -> new ArrayList<>()).add(logKey);
                } catch (NoteFormatException e) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--log " + log + ": " + e.getMessage());
                }
            }
            int colon = listen.lastIndexOf(':');
            if (colon < 0) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--listen takes host:port, not " + listen);
            }
            InetSocketAddress address = new InetSocketAddress(listen.substring(0, colon),
                    Integer.parseInt(listen.substring(colon + 1)));
            Witness witness = new Witness(cosigner, followed, new FileWitnessState(stateDir), Clock.systemUTC());
            CountDownLatch stopped = new CountDownLatch(1);
            try (WitnessServer server = WitnessServer.start(witness, followed.keySet(), address, prefix)) {
                Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
                spec.commandLine().getErr().println("witness " + cosigner.key().format() + " listening at " + server.url()
                        + " for " + followed.keySet());
                stopped.await();
            }
            return ExitCodes.OK;
        }
    }
}
