package org.trilateral.client;

import java.util.List;
import java.util.OptionalLong;

/**
 * What to subscribe to (docs/delivery.md): one collection, or every collection the member may read; some STIX types;
 * where to start; and the durable cursor that keeps the position across runs. Immutable; each {@code with…} answers a
 * copy.
 *
 * @param collection the collection id or alias, or null for every collection the member may read
 * @param types      only these STIX types (empty: every type)
 * @param from       where to start when no cursor is stored (empty: what comes next)
 * @param cursorName the durable cursor's name, or null for none
 */
public record SubscribeRequest(String collection, List<String> types, OptionalLong from, String cursorName) {

    public SubscribeRequest {
        types = List.copyOf(types);
        from = from == null ? OptionalLong.empty() : from;
    }

    /** Every collection the member may read, every type, from what comes next. */
    public static SubscribeRequest all() {
        return new SubscribeRequest(null, List.of(), OptionalLong.empty(), null);
    }

    /** One collection, every type, from what comes next. */
    public static SubscribeRequest of(String collection) {
        return new SubscribeRequest(collection, List.of(), OptionalLong.empty(), null);
    }

    public SubscribeRequest withTypes(String... values) {
        return new SubscribeRequest(collection, List.of(values), from, cursorName);
    }

    /** Starts at {@code position} when no cursor is stored (0: from the beginning of the log). */
    public SubscribeRequest from(long position) {
        return new SubscribeRequest(collection, types, OptionalLong.of(position), cursorName);
    }

    /** Resumes from, and keeps, the cursor {@code name} in the client's cursor store. */
    public SubscribeRequest withCursor(String name) {
        return new SubscribeRequest(collection, types, from, name);
    }
}
