package org.trilateral.client.internal;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.trilateral.client.CursorStore;
import org.trilateral.client.ObjectPage;
import org.trilateral.taxonomy.stix.StixJson;
import tools.jackson.databind.JsonNode;

/**
 * Pages through a collection's objects (TAXII 2.1 §5.4, paging §3.4) a page at a time, for callers that write or
 * verify a page as a whole. The durable position is saved once per page: when the caller asks for the next page,
 * the one before counts as done and the start of the following page goes to the cursor store. A restarted poll
 * continues after the last page done (or, from a position the object-by-object {@link ObjectPoller} saved, after the
 * last object done): nothing missed, nothing twice.
 *
 * <p>Up to {@code pagesAhead} pages are requested while the caller works on the current one (each request needs the
 * {@code next} of the page before, so they are fetched one after the other, in the background); they are held in
 * memory, so memory grows with pages ahead times the page size, never with the collection. Not thread-safe; one
 * iterator per consumer.
 */
public final class PagePoller implements Iterator<ObjectPage> {

    /** What a fetch returns: the page, the {@code next} that fetched it, and what follows it. */
    private record Fetched(String start, EnvelopeReader.Envelope envelope) {
        boolean last() {
            return !envelope.more() || envelope.objects().isEmpty();
        }
    }

    private static final Executor BACKGROUND = task -> {
        Thread thread = new Thread(task, "exchange-poll-ahead");
        thread.setDaemon(true);
        thread.start();
    };

    private final Transport transport;
    private final URI objectsUri;
    private final String collection;
    private final String query;
    private final CursorStore cursors;
    private final String cursorName;
    private final int pagesAhead;
    private final Deque<CompletableFuture<Fetched>> ahead = new ArrayDeque<>();
    /** With no pages ahead: the {@code next} of the page to fetch when the caller asks for it. */
    private String pending;
    private boolean hasPending;
    /** The page handed out last, saved as done when the caller asks for the next one; null before the first. */
    private Fetched current;
    private PollPosition resume;
    private boolean finished;

    /**
     * @param query the filters, already encoded ({@code match[type]=…&…}), without {@code next}
     * @param addedAfter encoded {@code added_after} used only when no cursor is stored, or null
     * @param cursorName the cursor's name, or null for no durable cursor
     * @param pagesAhead pages requested ahead of the caller, 0 for none
     */
    public PagePoller(Transport transport, URI objectsUri, String collection, String query, String addedAfter,
                      CursorStore cursors, String cursorName, int pagesAhead) {
        if (pagesAhead < 0) {
            throw new IllegalArgumentException("pages ahead must not be negative, not " + pagesAhead);
        }
        this.transport = Objects.requireNonNull(transport, "transport");
        this.objectsUri = objectsUri;
        this.collection = collection;
        this.cursors = cursors;
        this.cursorName = cursorName;
        this.pagesAhead = pagesAhead;
        PollPosition stored = cursorName == null ? null : cursors.load(cursorName).map(PollPosition::parse).orElse(null);
        this.resume = stored != null && stored.lastId() != null ? stored : null;
        this.query = stored == null && addedAfter != null
                ? join(query, "added_after=" + ObjectPoller.encode(addedAfter)) : query;
        String first = stored == null ? null : stored.pageStart();
        if (pagesAhead == 0) {
            pending = first;
            hasPending = true;
        } else {
            ahead.add(CompletableFuture.supplyAsync(() -> fetch(first), BACKGROUND));
        }
    }

    @Override
    public boolean hasNext() {
        if (current != null) {
            saveDone(current);
            current = null;
        }
        if (!finished && !hasPending && !ahead.isEmpty() && join(ahead.getFirst()) == null) {
            finished = true;
        }
        return !finished && (hasPending || !ahead.isEmpty());
    }

    @Override
    public ObjectPage next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more pages in " + collection);
        }
        Fetched fetched;
        if (hasPending) {
            hasPending = false;
            fetched = fetch(pending);
        } else {
            fetched = join(ahead.removeFirst());
        }
        if (fetched.last()) {
            finished = true;
            ahead.clear();
        } else if (pagesAhead == 0) {
            pending = fetched.envelope().next();
            hasPending = true;
        } else {
            fillAhead(fetched);
        }
        current = fetched;
        List<byte[]> objects = fetched.envelope().objects();
        if (resume != null) {
            objects = objects.subList(resume.skipIn(trees(objects)), objects.size());
            resume = null;
        }
        return new ObjectPage(collection, objects);
    }

    /** Keeps {@code pagesAhead} requests going after the page just taken, each from the {@code next} before it. */
    private void fillAhead(Fetched taken) {
        CompletableFuture<Fetched> last = ahead.isEmpty() ? CompletableFuture.completedFuture(taken) : ahead.getLast();
        while (ahead.size() < pagesAhead) {
            last = last.thenApplyAsync(before -> before == null || before.last() ? null : fetch(before.envelope().next()),
                    BACKGROUND);
            ahead.add(last);
        }
    }

    /**
     * The page is done: the position after it is the {@code next} the exchange gave with it (this exchange gives one
     * with every page that has objects). A server that gives none on its last page gets the position of that page's
     * last object, as {@link ObjectPoller} keeps it, so a later run fetches the page again and skips what was done.
     */
    private void saveDone(Fetched done) {
        List<byte[]> objects = done.envelope().objects();
        if (cursorName == null || objects.isEmpty()) {
            return;
        }
        String following = done.envelope().next();
        if (following != null) {
            cursors.save(cursorName, new PollPosition(following, null, null, 0).format());
            return;
        }
        JsonNode last = StixJson.mapper().readTree(objects.get(objects.size() - 1));
        cursors.save(cursorName, new PollPosition(done.start(), last.path("id").asString(""),
                last.path("modified").asString(last.path("created").asString("")), objects.size()).format());
    }

    private Fetched fetch(String next) {
        String parameters = next == null ? query : join(query, "next=" + ObjectPoller.encode(next));
        URI uri = parameters.isEmpty() ? objectsUri : URI.create(objectsUri + "?" + parameters);
        return new Fetched(next, EnvelopeReader.read(transport.send(HttpCall.get(uri, Publisher.TAXII)).body(), uri));
    }

    private static Fetched join(CompletableFuture<Fetched> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static List<JsonNode> trees(List<byte[]> objects) {
        return objects.stream().map(o -> (JsonNode) StixJson.mapper().readTree(o)).toList();
    }

    private static String join(String query, String parameter) {
        return query.isEmpty() ? parameter : query + "&" + parameter;
    }
}
