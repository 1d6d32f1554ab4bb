package org.trilateral.client.internal;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Consumer;
import org.trilateral.client.CursorStore;
import org.trilateral.client.ReceivedObject;
import org.trilateral.client.ServerException;
import tools.jackson.databind.JsonNode;

/**
 * Lazily pages through a collection's objects (TAXII 2.1 §5.4, paging §3.4): a page is fetched when the caller has
 * taken every object of the one before. The durable position is saved object by object: when the caller asks for
 * the next object, the one before counts as done, and the position (where its page started, and which object of
 * that page was the last done) goes to the cursor store. A restarted poll fetches that page again and skips what
 * was done: nothing missed, nothing twice. Not thread-safe; one iterator per consumer.
 */
public final class ObjectPoller implements Iterator<ReceivedObject> {

    private final Transport transport;
    private final URI objectsUri;
    private final String collection;
    private final String query;
    private final CursorStore cursors;
    private final String cursorName;
    private final Consumer<Integer> pageListener;
    private String next;
    private String uncommitted;
    private List<JsonNode> page = List.of();
    private int index;
    private boolean finished;
    /** The {@code next} that fetched the current page (null: the first page). */
    private String pageStart;
    /** How many objects of the current page are saved as done. */
    private int saved;
    /** On resume: the last object done in the stored page, skipped to once that page is fetched again. */
    private PollPosition resume;

    /**
     * @param query the filters, already encoded ({@code match[type]=…&…}), without {@code next}
     * @param addedAfter encoded {@code added_after} used only when no cursor is stored, or null
     * @param cursorName the cursor's name, or null for no durable cursor
     * @param pageListener told the size of each page fetched (progress), may be a no-op
     */
    public ObjectPoller(Transport transport, URI objectsUri, String collection, String query, String addedAfter,
                        CursorStore cursors, String cursorName, Consumer<Integer> pageListener) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.objectsUri = objectsUri;
        this.collection = collection;
        this.cursors = cursors;
        this.cursorName = cursorName;
        this.pageListener = pageListener;
        PollPosition stored = cursorName == null ? null : cursors.load(cursorName).map(PollPosition::parse).orElse(null);
        this.next = stored == null ? null : stored.pageStart();
        this.resume = stored != null && stored.lastId() != null ? stored : null;
        this.query = stored == null && addedAfter != null ? join(query, "added_after=" + encode(addedAfter)) : query;
    }

    @Override
    public boolean hasNext() {
        saveDone();
        while (true) {
            if (index < page.size()) {
                return true;
            }
            if (uncommitted != null) {
                next = uncommitted;
                uncommitted = null;
                if (cursorName != null) {
                    cursors.save(cursorName, new PollPosition(next, null, null, 0).format());
                }
            }
            if (finished) {
                return false;
            }
            fetch();
        }
    }

    @Override
    public ReceivedObject next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more objects in " + collection);
        }
        return new ReceivedObject(collection, page.get(index++));
    }

    /** The objects handed before this call are done: store the position after the last of them. */
    private void saveDone() {
        if (cursorName == null || index == saved || index == 0) {
            return;
        }
        JsonNode last = page.get(index - 1);
        cursors.save(cursorName, new PollPosition(pageStart, last.path("id").asString(""), versionOf(last), index).format());
        saved = index;
    }

    private static String versionOf(JsonNode object) {
        return object.path("modified").asString(object.path("created").asString(""));
    }

    private void fetch() {
        pageStart = next;
        saved = 0;
        String parameters = next == null ? query : join(query, "next=" + encode(next));
        URI uri = parameters.isEmpty() ? objectsUri : URI.create(objectsUri + "?" + parameters);
        JsonNode envelope = transport.send(HttpCall.get(uri, Publisher.TAXII)).json();
        if (!envelope.isObject()) {
            throw new ServerException("the envelope from " + uri + " is not a JSON object", (Throwable) null);
        }
        JsonNode objects = envelope.get("objects");
        List<JsonNode> received = new ArrayList<>();
        if (objects != null) {
            if (!objects.isArray()) {
                throw new ServerException("the envelope from " + uri + " has an \"objects\" that is not an array", (Throwable) null);
            }
            objects.forEach(received::add);
        }
        JsonNode nextNode = envelope.get("next");
        boolean more = envelope.path("more").asBoolean(false);
        if (more && (nextNode == null || !nextNode.isString())) {
            throw new ServerException("the envelope from " + uri + " says more objects follow but gives no next (TAXII 2.1 §3.4)",
                    (Throwable) null);
        }
        page = received;
        index = resume == null ? 0 : resume.skipIn(received);
        saved = index;
        resume = null;
        uncommitted = nextNode != null && nextNode.isString() && !received.isEmpty() ? nextNode.stringValue() : null;
        finished = !more || received.isEmpty();
        pageListener.accept(received.size());
    }

    private static String join(String query, String parameter) {
        return query.isEmpty() ? parameter : query + "&" + parameter;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
