package org.trilateral.client.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.trilateral.client.ExchangeClient;
import org.trilateral.client.ObjectResult;
import org.trilateral.client.SightingReport;
import org.trilateral.taxonomy.marking.Tlp;
import org.trilateral.taxonomy.stix.StixTimestamp;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code exchange sighting}: reports that you saw an indicator (for instance one a screening matched) as a signed STIX
 * sighting in the {@code sightings} collection, in one command.
 */
@Command(name = "sighting", mixinStandardHelpOptions = true,
        description = {"Report that you saw an indicator (e.g. a screening's match) as a signed STIX 2.1 sighting.",
                "Screenings count sightings, and each other member reporting one raises a match's confidence"
                        + " (docs/screening.md)."})
final class SightingCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @picocli.CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--indicator", required = true, description = "The indicator's id (indicator--<UUID>), e.g. from a screening's match.")
    String indicator;

    @Option(names = "--count", defaultValue = "1", description = "How many times you saw it (default ${DEFAULT-VALUE}).")
    long count;

    @Option(names = "--first-seen", description = "When first seen (RFC 3339, e.g. 2026-11-30T09:00:00Z; default now).")
    String firstSeen;

    @Option(names = "--last-seen", description = "When last seen (default now).")
    String lastSeen;

    @Option(names = "--tlp", defaultValue = "amber", description = "TLP 2.0 marking of the sighting: clear, green, amber, amber+strict, red (default ${DEFAULT-VALUE}).")
    String tlp;

    @Option(names = "--marking-ref", description = "Another marking-definition id, e.g. a sharing group (repeatable).")
    List<String> markingRefs = new ArrayList<>();

    @Option(names = "--description", description = "A free text kept with the sighting.")
    String description;

    @Option(names = "--key", defaultValue = "${env:EXCHANGE_SIGNING_KEY}",
            description = "Your private signing JWK file (env EXCHANGE_SIGNING_KEY): sightings are signed.")
    Path key;

    @Override
    public Integer call() {
        if (key == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--key (or EXCHANGE_SIGNING_KEY) is required: sightings are signed");
        }
        SightingReport.Builder report = SightingReport.of(indicator).count(count).marking(tlp(tlp)).description(description);
        if (firstSeen != null) {
            report.firstSeen(time("--first-seen", firstSeen));
        }
        if (lastSeen != null) {
            report.lastSeen(time("--last-seen", lastSeen));
        }
        markingRefs.forEach(report::markingRef);
        ExchangeClient client = connection.builder().signingKey(ConnectionOptions.readKey(key)).build();
        ObjectResult result = client.reportSighting(report.build());
        PrintWriter out = spec.commandLine().getOut();
        out.println(result.outcome() + " " + result.id() + (result.version() == null ? "" : " " + result.version())
                + (result.message() == null ? "" : ": " + result.message())
                + (result.logIndex().isPresent() ? " (log index " + result.logIndex().getAsLong() + ")" : ""));
        if (result.outcome() == ObjectResult.Outcome.REFUSED) {
            return ExitCodes.REFUSED;
        }
        return result.accepted() ? ExitCodes.OK : ExitCodes.UNAVAILABLE;
    }

    private Instant time(String option, String text) {
        try {
            return StixTimestamp.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + " '" + text + "' is not an RFC 3339 UTC time such as 2026-11-30T09:00:00Z");
        }
    }

    private Tlp tlp(String text) {
        for (Tlp value : Tlp.values()) {
            if (value.tlp20Value().equalsIgnoreCase(text)) {
                return value;
            }
        }
        throw new CommandLine.ParameterException(spec.commandLine(), "unknown --tlp '" + text + "': use clear, green, amber, amber+strict or red");
    }
}
