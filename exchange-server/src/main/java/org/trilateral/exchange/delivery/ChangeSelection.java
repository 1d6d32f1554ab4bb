package org.trilateral.exchange.delivery;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a subscriber asked for: the collections (those it may read, or the one it named) and the STIX types (none:
 * every type).
 *
 * @param collectionIds the ids of the collections, never empty
 * @param types         the STIX types to keep; empty for every type
 */
public record ChangeSelection(List<String> collectionIds, Set<String> types) {

    public ChangeSelection {
        Objects.requireNonNull(collectionIds, "collectionIds");
        if (collectionIds.isEmpty()) {
            throw new IllegalArgumentException("a selection names at least one collection");
        }
        collectionIds = List.copyOf(new TreeSet<>(collectionIds));
        types = Set.copyOf(types);
    }

    /** The same selection of the collection {@code collectionId} alone, when it is selected. */
    java.util.Optional<ChangeSelection> only(String collectionId) {
        return collectionIds.contains(collectionId)
                ? java.util.Optional.of(new ChangeSelection(List.of(collectionId), types)) : java.util.Optional.empty();
    }

    /** The same selection without the collection {@code collectionId} (which must not be the only one). */
    ChangeSelection without(String collectionId) {
        return new ChangeSelection(collectionIds.stream().filter(id -> !id.equals(collectionId)).toList(), types);
    }
}
