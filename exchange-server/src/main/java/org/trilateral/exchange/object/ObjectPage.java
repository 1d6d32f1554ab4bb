package org.trilateral.exchange.object;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.trilateral.exchange.taxii.PageCursor;

/** One page of a read: the object versions in storage order and whether more follow (TAXII 2.1 §3.4). */
public record ObjectPage(List<ObjectVersion> items, boolean more) {

    public ObjectPage {
        items = List.copyOf(items);
    }

    /**
     * The cursor after the last item. It is given whenever the page has items, not only when {@code more} is true
     * (§3.7 requires it then, and allows it otherwise): a client that polls can resume exactly after the last
     * object it saw, without overlap, when new objects arrive later.
     */
    public Optional<PageCursor> next() {
        return !items.isEmpty()
                ? Optional.of(new PageCursor(items.get(items.size() - 1).sequence()))
                : Optional.empty();
    }

    public Optional<Instant> firstAdded() {
        return items.stream().map(ObjectVersion::dateAdded).min(Instant::compareTo);
    }

    public Optional<Instant> lastAdded() {
        return items.stream().map(ObjectVersion::dateAdded).max(Instant::compareTo);
    }
}
