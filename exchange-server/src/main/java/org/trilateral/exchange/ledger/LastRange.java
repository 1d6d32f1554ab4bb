package org.trilateral.exchange.ledger;

import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.trilateral.integrity.merkle.CompactRange;

/**
 * The log's compact range as this instance's last append left it, so that the next append need not read it back from
 * {@code log_subtree}. It is used only for a head with its exact size and root, read under the log's lock: after a
 * batch whose transaction rolled back, or after another instance appended, the head differs and the range is read
 * from the database again. Equal roots at equal sizes are the same tree (RFC 9162 §2.1), so a range that is used is
 * the range the database would give.
 */
final class LastRange {

    private record Known(CompactRange range, byte[] root) {
    }

    private final AtomicReference<Known> last = new AtomicReference<>();

    /** A copy of the remembered range when it is over the tree of this size and root. */
    Optional<CompactRange> over(long size, byte[] root) {
        Known known = last.get();
        if (known == null || known.range().size() != size || !Arrays.equals(known.root(), root)) {
            return Optional.empty();
        }
        return Optional.of(known.range().copy());
    }

    /**
     * Remembers a range and its root (the signed checkpoint's) after its batch was written, not yet committed:
     * {@link #over} checks the head.
     */
    void remember(CompactRange range, byte[] root) {
        last.set(new Known(range.copy(), root.clone()));
    }
}
