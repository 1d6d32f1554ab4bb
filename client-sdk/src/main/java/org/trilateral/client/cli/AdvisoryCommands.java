package org.trilateral.client.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.trilateral.client.Advisory;
import org.trilateral.client.ExchangeClient;
import org.trilateral.taxonomy.stix.StixJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.ObjectNode;

/** {@code exchange advisories} and {@code exchange advisory ack|receipts}: advisories and their receipts (docs/delivery.md). */
final class AdvisoryCommands {

    private AdvisoryCommands() {
    }

    /** {@code exchange advisories}: the newest advisories you may read, one JSON line each, newest first. */
    @Command(name = "advisories", mixinStandardHelpOptions = true,
            description = "List the newest advisories you may read as JSON lines (newest first): id, version, name,"
                    + " published, issuer, tlp, date_added, revoked.")
    static final class List implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--limit", defaultValue = "100",
                description = "At most this many (default ${DEFAULT-VALUE}; the exchange's maximum applies).")
        int limit;

        @Override
        public Integer call() {
            if (limit < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--limit must be at least 1, not " + limit);
            }
            PrintWriter out = spec.commandLine().getOut();
            for (Advisory.Summary advisory : connection.builder().build().advisories(limit)) {
                ObjectNode line = StixJson.mapper().createObjectNode()
                        .put("id", advisory.id()).put("version", advisory.version()).put("name", advisory.name());
                advisory.published().ifPresent(p -> line.put("published", p));
                line.put("issuer", advisory.issuer()).put("tlp", advisory.tlp()).put("date_added", advisory.dateAdded())
                        .put("revoked", advisory.revoked());
                out.println(StixJson.mapper().writeValueAsString(line));
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    /** {@code exchange advisory}: acknowledge an advisory, or read its receipts as its issuer. */
    @Command(name = "advisory", mixinStandardHelpOptions = true,
            description = "Acknowledge an advisory as a person (ack), or, as its issuer, read who has received and"
                    + " acknowledged it (receipts).",
            subcommands = {Ack.class, Receipts.class})
    static final class Group implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            throw new CommandLine.ParameterException(spec.commandLine(), "an advisory command is required (ack, receipts)");
        }
    }

    /** {@code exchange advisory ack <id>}: a person acknowledges the advisory (the subject of the token used). */
    @Command(name = "ack", mixinStandardHelpOptions = true,
            description = "Acknowledge an advisory as the person whose token is used; prints the receipt as JSON.")
    static final class Ack implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(index = "0", paramLabel = "REPORT_ID", description = "The advisory's report id (report--…).")
        String id;

        @Override
        public Integer call() {
            ExchangeClient client = connection.builder().build();
            spec.commandLine().getOut().println(json(client.acknowledge(id)));
            return ExitCodes.OK;
        }
    }

    /** {@code exchange advisory receipts <id>}: for the issuer, every entitled member and its receipt, JSON lines. */
    @Command(name = "receipts", mixinStandardHelpOptions = true,
            description = "As the advisory's issuer: every member entitled to read it, with when its system received"
                    + " it and when a person acknowledged it (null: not yet), one JSON line each.")
    static final class Receipts implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(index = "0", paramLabel = "REPORT_ID", description = "The advisory's report id (report--…).")
        String id;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            connection.builder().build().receipts(id).forEach(receipt -> out.println(json(receipt)));
            out.flush();
            return ExitCodes.OK;
        }
    }

    private static String json(Advisory.Receipt receipt) {
        ObjectNode line = StixJson.mapper().createObjectNode().put("member", receipt.member())
                .put("version", receipt.version());
        put(line, "system_received_at", receipt.systemReceivedAt());
        put(line, "channel", receipt.channel());
        put(line, "person_acknowledged_at", receipt.personAcknowledgedAt());
        put(line, "person", receipt.personSubject());
        return StixJson.mapper().writeValueAsString(line);
    }

    private static void put(ObjectNode line, String name, Optional<String> value) {
        if (value.isPresent()) {
            line.put(name, value.get());
        } else {
            line.putNull(name);
        }
    }
}
