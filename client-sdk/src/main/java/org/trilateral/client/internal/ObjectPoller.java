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
 * taken every object of the one before, and that page's {@code next} is then saved in the cursor store. A restarted
 * poll resumes after the last page the caller finished: nothing missed, nothing twice (a page the caller was
 * halfway through is handed again). Not thread-safe; one iterator per consumer.
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
        this.next = cursorName == null ? null : cursors.load(cursorName).orElse(null);
        this.query = next == null && addedAfter != null ? join(query, "added_after=" + encode(addedAfter)) : query;
    }

    @Override
    public boolean hasNext() {
        while (true) {
            if (index < page.size()) {
                return true;
            }
            if (uncommitted != null) {
                next = uncommitted;
                uncommitted = null;
                if (cursorName != null) {
                    cursors.save(cursorName, next);
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

    private void fetch() {
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
        index = 0;
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
