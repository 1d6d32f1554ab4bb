package org.trilateral.client.internal;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.DoubleSupplier;
import java.util.stream.Stream;
import org.trilateral.client.CursorStore;
import org.trilateral.client.ExchangeException;
import org.trilateral.client.NetworkException;
import org.trilateral.client.RateLimitException;
import org.trilateral.client.RetryPolicy;
import org.trilateral.client.ServerException;
import org.trilateral.client.Sleeper;
import org.trilateral.taxonomy.stix.StixJson;
import tools.jackson.databind.JsonNode;

/**
 * An endless subscription to {@code /changes/stream} (docs/delivery.md), as a blocking iterator of changes: it
 * reconnects after a failure or a {@code closed} event, with capped exponential backoff and jitter, and resumes with
 * {@code Last-Event-ID} from the event id of the last change handed out: a position, or {@code main:advisory} while the
 * exchange delivers advisories ahead of a backlog (docs/delivery.md, "Advisories first"); the id is kept as sent. With a cursor, that position is saved when
 * the caller asks for the next change (so the one before counts as handled) and at each heartbeat, which also moves it
 * past positions that hold nothing for the member: a restarted subscription misses nothing and repeats nothing.
 * Refusals that a reconnection cannot cure (authentication, permission, an invalid request) end it. Not thread-safe;
 * {@link #close()} from another thread ends a blocked {@link #next()}.
 */
public final class ChangeSubscription implements Iterator<ChangeSubscription.StreamedChange>, AutoCloseable {

    /**
     * A change's event data, the main lane's position to resume from after it, and the event id that resumes both lanes
     * exactly ({@code Last-Event-ID}).
     */
    public record StreamedChange(JsonNode data, long resumeFrom, String resumeId) {
    }

    private final Transport transport;
    private final URI stream;
    private final CursorStore cursors;
    private final String cursorName;
    private final RetryPolicy backoff;
    private final Sleeper sleeper;
    private final DoubleSupplier random;
    private String resumeId;
    private String handedOut;
    private Stream<String> lines;
    private Iterator<String> reader;
    private volatile boolean closed;

    /**
     * @param base the exchange's base URL (with a trailing slash)
     */
    public ChangeSubscription(Transport transport, URI base, String collection, List<String> types, OptionalLong from,
                              CursorStore cursors, String cursorName, RetryPolicy backoff, DoubleSupplier random) {
        this.transport = Objects.requireNonNull(transport, "transport");
        StringBuilder query = new StringBuilder();
        if (collection != null) {
            query.append("collection=").append(encode(collection));
        }
        if (!types.isEmpty()) {
            query.append(query.length() == 0 ? "" : "&").append("type=").append(encode(String.join(",", types)));
        }
        this.stream = base.resolve("changes/stream" + (query.length() == 0 ? "" : "?" + query));
        this.cursors = cursors;
        this.cursorName = cursorName;
        this.backoff = backoff;
        this.sleeper = transport.sleeper();
        this.random = random;
        String stored = cursorName == null ? null : cursors.load(cursorName).map(text -> {
            if (mainOf(text) < 0) {
                throw new IllegalArgumentException("cursor '" + cursorName + "' holds \"" + text + "\", not a stream"
                        + " position (a number, or two joined by ':')");
            }
            return text;
        }).orElse(null);
        this.resumeId = stored != null ? stored : from.isPresent() ? Long.toString(from.getAsLong()) : null;
    }

    @Override
    public boolean hasNext() {
        return !closed;
    }

    @Override
    public StreamedChange next() {
        if (handedOut != null) {
            save(handedOut);
        }
        int failures = 0;
        while (!closed) {
            try {
                if (reader == null) {
                    connect();
                }
                StreamedChange change = read();
                if (change != null) {
                    handedOut = change.resumeId();
                    resumeId = change.resumeId();
                    return change;
                }
                // The stream ended (closed by the exchange, or the connection dropped): resume where we are.
                disconnect();
            } catch (ServerException | RateLimitException e) {
                // 429 and 5xx may pass: wait and resume.
                disconnect();
                failures = pause(++failures);
            } catch (NetworkException | java.io.UncheckedIOException e) {
                disconnect();
                if (closed) {
                    break;
                }
                failures = pause(++failures);
            } catch (ExchangeException e) {
                closed = true;
                disconnect();
                throw e;
            }
        }
        throw new NoSuchElementException("the subscription is closed");
    }

    /** Counts the last change handed out as handled: saves the position after it (next() does this by itself). */
    public void commit() {
        if (handedOut != null) {
            save(handedOut);
        }
    }

    /** The main lane's position the subscription would resume from now, if known. */
    public OptionalLong position() {
        return resumeId == null ? OptionalLong.empty() : OptionalLong.of(mainOf(resumeId));
    }

    /** The event id the subscription would resume from now ({@code Last-Event-ID}), if known. */
    public java.util.Optional<String> resumeId() {
        return java.util.Optional.ofNullable(resumeId);
    }

    private int pause(int failures) {
        try {
            sleeper.sleep(backoff.backoff(Math.min(failures, 20), random.getAsDouble()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
        return failures;
    }

    private void connect() {
        HttpCall call = new HttpCall("GET", stream, Map.of("Accept", "text/event-stream"), null, true);
        if (resumeId != null) {
            call = call.withHeader("Last-Event-ID", resumeId);
        }
        lines = transport.openLines(call);
        reader = lines.iterator();
    }

    /** Reads events until a change; null when the stream ends. */
    private StreamedChange read() {
        String event = null;
        String id = null;
        StringBuilder data = new StringBuilder();
        boolean comment = false;
        while (reader.hasNext()) {
            String line = reader.next();
            if (line.isEmpty()) {
                if (id != null && !id.isEmpty() && mainOf(id) >= 0) {
                    long position = mainOf(id);
                    if (comment && event == null && data.length() == 0) {
                        // A heartbeat: every change before its id has been sent.
                        resumeId = id;
                        if (handedOut == null || position >= mainOf(handedOut)) {
                            save(id);
                        }
                    } else if ("closed".equals(event)) {
                        resumeId = id;
                        return null;
                    } else if ("ready".equals(event)) {
                        resumeId = id;
                    } else if ("added".equals(event) || "revoked".equals(event) || "deleted".equals(event)
                            || "expired".equals(event)) {
                        return new StreamedChange(StixJson.mapper().readTree(data.toString()), position, id);
                    }
                }
                event = null;
                id = null;
                data.setLength(0);
                comment = false;
            } else if (line.startsWith(":")) {
                comment = true;
            } else {
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1);
                if (value.startsWith(" ")) {
                    value = value.substring(1);
                }
                switch (field) {
                    case "event":
                        event = value;
                        break;
                    case "id":
                        id = value;
                        break;
                    case "data":
                        data.append(data.length() == 0 ? "" : "\n").append(value);
                        break;
                    default:
                        break;
                }
            }
        }
        return null;
    }

    private void save(String id) {
        if (cursorName != null) {
            cursors.save(cursorName, id);
        }
    }

    /** The main lane's position of an event id ({@code 412} or {@code 412:530}); -1 when it is neither. */
    static long mainOf(String id) {
        int colon = id.indexOf(':');
        String main = colon < 0 ? id : id.substring(0, colon);
        if (colon >= 0 && !digits(id.substring(colon + 1))) {
            return -1;
        }
        return digits(main) ? Long.parseLong(main) : -1;
    }

    private static boolean digits(String text) {
        if (text.isEmpty() || text.length() > 18) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private void disconnect() {
        Stream<String> open = lines;
        lines = null;
        reader = null;
        if (open != null) {
            try {
                open.close();
            } catch (RuntimeException ignored) {
                // closing a broken connection may fail again; it is gone either way
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        disconnect();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
