package org.trilateral.client;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.trilateral.taxonomy.stix.StixTimestamp;

/**
 * What to read from a collection (TAXII 2.1 §5.4 filters, §3.4 paging). Immutable: each {@code with}-method
 * returns a new request, so a request can be shared and varied.
 *
 * @param collection the collection's id or alias, e.g. {@code indicators}
 * @param types {@code match[type]}; empty for every type
 * @param addedAfter {@code added_after}, or null; only used when there is no stored cursor
 * @param version {@code match[version]} ({@code last}, {@code first}, {@code all} or timestamps), or null for the
 *     server's default ({@code last})
 * @param pageSize {@code limit}, the objects per page; 0 for the server's default
 * @param cursorName the name under which the {@link CursorStore} keeps this poll's position, or null for a poll
 *     that starts from the beginning (or {@code addedAfter}) every time
 */
public record PollRequest(String collection, List<String> types, Instant addedAfter, String version, int pageSize,
                          String cursorName) {

    public PollRequest {
        if (collection == null || collection.isBlank()) {
            throw new IllegalArgumentException("the collection must not be empty");
        }
        types = List.copyOf(types);
        if (pageSize < 0) {
            throw new IllegalArgumentException("the page size must not be negative, not " + pageSize);
        }
        if (cursorName != null && !cursorName.matches("[A-Za-z0-9._-]{1,100}")) {
            throw new IllegalArgumentException("the cursor name '" + cursorName
                    + "' must be 1 to 100 letters, digits, '.', '_' or '-' (it names a file)");
        }
    }

    /** Everything in {@code collection}, no cursor. */
    public static PollRequest of(String collection) {
        return new PollRequest(collection, List.of(), null, null, 0, null);
    }

    /** Only objects of these STIX types. */
    public PollRequest withTypes(String... stixTypes) {
        return new PollRequest(collection, List.of(stixTypes), addedAfter, version, pageSize, cursorName);
    }

    /** Only objects the exchange added after {@code instant} (when no cursor is stored yet). */
    public PollRequest withAddedAfter(Instant instant) {
        return new PollRequest(collection, types, instant, version, pageSize, cursorName);
    }

    /** Which versions of each object ({@code match[version]}). */
    public PollRequest withVersion(String matchVersion) {
        return new PollRequest(collection, types, addedAfter, matchVersion, pageSize, cursorName);
    }

    /** Objects per page. */
    public PollRequest withPageSize(int limit) {
        return new PollRequest(collection, types, addedAfter, version, limit, cursorName);
    }

    /** Resume from, and keep, the position stored under {@code name}. */
    public PollRequest withCursor(String name) {
        return new PollRequest(collection, types, addedAfter, version, pageSize, Objects.requireNonNull(name, "name"));
    }

    /** {@code added_after} as the exchange expects it. */
    String addedAfterText() {
        return addedAfter == null ? null : StixTimestamp.formatMicros(addedAfter);
    }
}
