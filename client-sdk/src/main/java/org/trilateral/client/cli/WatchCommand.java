package org.trilateral.client.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.trilateral.client.ChangeEvent;
import org.trilateral.client.ExchangeClient;
import org.trilateral.client.FileCursorStore;
import org.trilateral.client.SubscribeRequest;
import org.trilateral.client.VerificationResult;
import org.trilateral.client.internal.ChangeSubscription;
import org.trilateral.taxonomy.stix.StixJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code exchange watch}: the changes the member may read as JSON lines, live (docs/delivery.md), each verified against
 * the transparency log before it is written, as {@code exchange verify} verifies objects (docs/sdk.md, "Subscribe"): an
 * added or revoked object by its signature, its signer's key at its leaf, its opening and its inclusion under a
 * verified checkpoint; a deletion or an expiry by its opening. Each line is the exchange's event as it came (position,
 * kind, collection, id, type, version, object unless deleted or expired, opening), written and flushed before the
 * cursor moves past it, so a restarted watch with the same cursor misses nothing and repeats nothing. A change that
 * fails verification ends the watch with {@link ExitCodes#VERIFICATION}: it is not written and the cursor stays before
 * it, so it is never skipped silently.
 */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = {"Write the changes you may read (objects added, revoked, deleted, expired) as JSON lines as they happen,"
                + " reconnecting by itself. Each change is verified against the transparency log first, as `verify` does"
                + " (trust options below); one that fails is not written, is named on stderr, and ends the watch with exit"
                + " code 4, the cursor left before it. With --cursor, resumes where a previous run stopped; cursors are"
                + " kept per exchange URL and collection."})
final class WatchCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Mixin
    TrustOptions trust;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--collection", description = "Collection id or alias (default: every collection you may read).")
    String collection;

    @Option(names = "--type", split = ",", description = "Only these STIX types.")
    List<String> types = new ArrayList<>();

    @Option(names = "--cursor", description = "Name of the durable cursor to resume from and keep.")
    String cursor;

    @Option(names = "--cursor-dir", defaultValue = ".exchange/cursors",
            description = "Where cursors are kept, under <exchange>/<collection>/ (default ${DEFAULT-VALUE}).")
    Path cursorDir;

    @Option(names = "--from", description = "Start at this log position when no cursor is stored (0: from the"
            + " beginning; default: what comes next).")
    Long from;

    @Option(names = "--max-events", description = "Stop after this many changes (default: never).")
    Long maxEvents;

    @Override
    public Integer call() {
        SubscribeRequest request = (collection == null ? SubscribeRequest.all() : SubscribeRequest.of(collection))
                .withTypes(types.toArray(String[]::new));
        if (from != null) {
            request = request.from(from);
        }
        if (cursor != null) {
            request = request.withCursor(cursor);
        }
        ExchangeClient client = trust.apply(connection.builder().cursorStore(new FileCursorStore(
                        CursorDirectory.of(cursorDir, connection.url, collection == null ? "all-collections" : collection))),
                connection.url, spec.commandLine()).build();
        PrintWriter out = spec.commandLine().getOut();
        long written = 0;
        try (ChangeSubscription subscription = client.subscribe(request)) {
            while ((maxEvents == null || written < maxEvents) && subscription.hasNext()) {
                // next() counts the change before as handled and saves the position after it: the one written last.
                ChangeSubscription.StreamedChange change = subscription.next();
                String failure = failure(client, change);
                if (failure != null) {
                    spec.commandLine().getErr().println("exchange: " + failure + "; not written"
                            + (cursor == null ? "" : ", and cursor '" + cursor + "' stays before it"));
                    return ExitCodes.VERIFICATION;
                }
                out.println(StixJson.mapper().writeValueAsString(change.data()));
                out.flush();
                written++;
            }
            if (written > 0 && cursor != null) {
                // The last line is written: its position is done too (next() saves it for the others).
                subscription.commit();
            }
        }
        return ExitCodes.OK;
    }

    /** Why the change must not be written (its check against the log failed), or null when it verified. */
    private static String failure(ExchangeClient client, ChangeSubscription.StreamedChange change) {
        ChangeEvent event;
        try {
            event = ChangeEvent.parse(change.data(), change.resumeFrom(), change.resumeId());
        } catch (IllegalArgumentException e) {
            return "FAILED the event before " + change.resumeId() + " cannot be verified: " + e.getMessage();
        }
        event = client.verify(event);
        if (event.applicable()) {
            return null;
        }
        VerificationResult result = event.verification().orElseThrow();
        return "FAILED " + result.failure() + " " + event.kind().name().toLowerCase(Locale.ROOT) + " " + event.id()
                + " " + event.version() + " at position " + event.position() + ": " + result.detail();
    }
}
