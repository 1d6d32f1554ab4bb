package org.trilateral.client.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import org.trilateral.client.ExchangeClient;
import org.trilateral.client.FileCursorStore;
import org.trilateral.client.SubscribeRequest;
import org.trilateral.client.internal.ChangeSubscription;
import org.trilateral.taxonomy.stix.StixJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code exchange watch}: the changes the member may read as JSON lines, live (docs/delivery.md). Each line is the
 * exchange's event as it came (position, kind, collection, id, type, version, object unless deleted or expired, opening), written
 * and flushed before the cursor moves past it, so a restarted watch with the same cursor misses nothing and repeats
 * nothing.
 */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = {"Write the changes you may read (objects added, revoked, deleted, expired) as JSON lines as they happen,"
                + " reconnecting by itself. With --cursor, resumes where a previous run stopped; cursors are kept per"
                + " exchange URL and collection."})
final class WatchCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

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
        ExchangeClient client = connection.builder().cursorStore(new FileCursorStore(
                CursorDirectory.of(cursorDir, connection.url, collection == null ? "all-collections" : collection))).build();
        PrintWriter out = spec.commandLine().getOut();
        long written = 0;
        try (ChangeSubscription subscription = client.subscribe(request)) {
            Iterator<ChangeSubscription.StreamedChange> changes = subscription;
            while ((maxEvents == null || written < maxEvents) && changes.hasNext()) {
                out.println(StixJson.mapper().writeValueAsString(changes.next().data()));
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
}
