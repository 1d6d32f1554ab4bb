package org.trilateral.client.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.trilateral.client.AuditReport;
import org.trilateral.client.DeliveredObjects;
import org.trilateral.client.ExchangeClient;
import org.trilateral.client.LogForkException;
import org.trilateral.client.LogVerifier;
import org.trilateral.integrity.jcs.JsonCanonicalizer;
import org.trilateral.taxonomy.stix.StixJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/** {@code exchange log}: checkpoints, gossip, audit and key monitoring against the exchange's transparency log. */
@Command(name = "log", mixinStandardHelpOptions = true,
        description = "Check the exchange's transparency log: checkpoints, gossip with other members, audits, key monitoring.",
        subcommands = {LogCommand.Checkpoint.class, LogCommand.Export.class, LogCommand.Import.class,
                LogCommand.Audit.class, LogCommand.MonitorKeys.class})
final class LogCommand implements Runnable {

    @picocli.CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "a log command is required (checkpoint, export, import, audit, monitor-keys)");
    }

    /** What every log subcommand has: the exchange to reach, what to trust, and its command line. */
    abstract static class LogSubcommand implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;
        @Mixin
        TrustOptions trust;
        @picocli.CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        LogVerifier verifier() {
            return LogCommand.verifier(connection, trust, spec.commandLine());
        }

        /** Reports a fork with both signed checkpoints as evidence. */
        int fork(LogForkException e) {
            spec.commandLine().getErr().println("exchange: " + e.getMessage());
            spec.commandLine().getOut().println(e.evidence().format());
            return ExitCodes.VERIFICATION;
        }
    }

    static LogVerifier verifier(ConnectionOptions connection, TrustOptions trust, CommandLine commandLine) {
        ExchangeClient client = trust.apply(connection.builder(), connection.url, commandLine).build();
        return client.log().orElseThrow();
    }

    @Command(name = "checkpoint", mixinStandardHelpOptions = true,
            description = "Verify the log's latest checkpoint (signature, witnesses, consistency with the last one kept) and print it.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:verified", "1:usage", "4:fork, rollback, bad signature or missing cosignatures", "5:network"})
    static final class Checkpoint extends LogSubcommand {

        @Override
        public Integer call() {
            LogVerifier verifier = verifier();
            try {
                org.trilateral.integrity.checkpoint.Checkpoint checkpoint = verifier.refresh();
                spec.commandLine().getOut().println("verified checkpoint of " + checkpoint.size() + " leaves, root "
                        + Base64.getEncoder().encodeToString(checkpoint.rootHash()));
                return ExitCodes.OK;
            } catch (LogForkException e) {
                return fork(e);
            }
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Print every checkpoint this client verified (signed notes), to give to other members.",
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:printed", "1:usage"})
    static final class Export extends LogSubcommand {

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            for (String note : verifier().exportCheckpoints()) {
                out.println(Base64.getEncoder().encodeToString(note.getBytes(StandardCharsets.UTF_8)));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Check another member's exported checkpoints against the ones this client verified: a "
                    + "contradiction is a fork of the log, printed with both signed checkpoints as evidence."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:consistent", "1:usage", "4:fork (evidence printed)", "5:network"})
    static final class Import extends LogSubcommand {

        @Option(names = "--file", required = true, description = "Checkpoints as `exchange log export` prints them.")
        Path file;

        @Override
        public Integer call() throws IOException {
            List<String> notes = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    notes.add(new String(Base64.getDecoder().decode(line.strip()), StandardCharsets.UTF_8));
                }
            }
            try {
                int newer = verifier().importCheckpoints(notes);
                spec.commandLine().getOut().println(notes.size() + " checkpoints consistent with this client's view"
                        + (newer > 0 ? "; " + newer + " newer" : ""));
                return ExitCodes.OK;
            } catch (LogForkException e) {
                return fork(e);
            }
        }
    }

    @Command(name = "audit", mixinStandardHelpOptions = true,
            description = {"Audit the log for this member: every leaf addressed to it (by its audience tags) must be "
                    + "opened by the exchange, every current version it may read must be among the delivered objects "
                    + "(--file, JSON lines as `poll` writes), and none of those may be superseded or deleted in the log."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:nothing found", "1:usage", "4:withheld or stale objects found", "5:network"})
    static final class Audit extends LogSubcommand {

        @Option(names = "--file", required = true, description = "The objects delivered, JSON lines (as `poll` writes).")
        Path file;

        @Option(names = "--from", defaultValue = "0", description = "First leaf (default ${DEFAULT-VALUE}).")
        long from;

        @Option(names = "--to", description = "Leaf after the last (default: the verified checkpoint's size).")
        Long to;

        @Override
        public Integer call() throws IOException {
            List<String[]> delivered = new ArrayList<>();
            Set<String> keys = new HashSet<>();
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode object = StixJson.mapper().readTree(line);
                String[] entry = {object.path("id").asString(""), sha256(object)};
                delivered.add(entry);
                keys.add(entry[0] + "|" + entry[1]);
            }
            LogVerifier verifier = verifier();
            AuditReport report = verifier.audit(from, to == null ? Long.MAX_VALUE : to, new DeliveredObjects() {
                @Override
                public boolean contains(String id, String digest) {
                    return keys.contains(id + "|" + digest);
                }

                @Override
                public Iterable<String[]> all() {
                    return delivered;
                }
            });
            PrintWriter out = spec.commandLine().getOut();
            report.findings().forEach(f -> out.println(f.failure() + " leaf " + f.logIndex() + ": " + f.detail()));
            out.println("leaves " + report.from() + " to " + report.to() + ": " + report.addressed()
                    + " addressed to you, " + report.opened() + " opened, " + report.findings().size() + " findings");
            return report.clean() ? ExitCodes.OK : ExitCodes.VERIFICATION;
        }

        private static String sha256(JsonNode object) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(JsonCanonicalizer.canonicalize(object)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Command(name = "monitor-keys", mixinStandardHelpOptions = true,
            description = {"Read the log's new key events and alert on any key registered for MEMBER that is not among "
                    + "--known kids (a key the hub invented), or a revocation of one of them."},
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:nothing alarming", "1:usage", "4:alerts printed", "5:network"})
    static final class MonitorKeys extends LogSubcommand {

        @Option(names = "--member", required = true, description = "Your member id.")
        String member;

        @Option(names = "--known", required = true, split = ",", description = "The kids you registered (comma-separated).")
        Set<String> known;

        @Override
        public Integer call() {
            List<String> alerts = verifier().monitorOwnKeys(member, known);
            alerts.forEach(alert -> spec.commandLine().getOut().println("ALERT " + alert));
            return alerts.isEmpty() ? ExitCodes.OK : ExitCodes.VERIFICATION;
        }
    }
}
