package org.trilateral.client.internal;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.trilateral.client.LogEventStore;
import org.trilateral.client.LogVerificationException;
import org.trilateral.client.VerificationFailure;
import org.trilateral.integrity.checkpoint.Checkpoint;
import org.trilateral.integrity.jcs.StrictJson;
import org.trilateral.integrity.log.AdminEventLeaf;
import org.trilateral.integrity.log.KeyEventLeaf;
import org.trilateral.integrity.log.LeafFormatException;
import org.trilateral.integrity.log.LegacyLeaf;
import org.trilateral.integrity.log.LogLeaf;
import org.trilateral.integrity.merkle.InvalidProofException;
import org.trilateral.integrity.merkle.MerkleHash;
import org.trilateral.integrity.merkle.MerkleProofs;
import org.trilateral.integrity.tiles.TilePath;
import org.trilateral.integrity.tiles.TiledTree;
import tools.jackson.core.JacksonException;

/**
 * Reads the log's leaves through its entry bundles, each bundle checked against the level-0 tile of a verified
 * checkpoint (every entry hashes to its tile hash, and one inclusion proof per bundle ties the tile to the root), and
 * hands each leaf to a visitor: the key history, an audit, a monitor. Not thread-safe.
 */
public final class LogFollower {

    /** What to do with each leaf read. */
    @FunctionalInterface
    public interface Visitor {
        /**
         * @param index the leaf's index
         * @param leaf the parsed leaf, or null for a leaf whose text is withheld (leaf format 1, about an object)
         * @param text its text as served, or null
         */
        void visit(long index, LogLeaf leaf, String text);
    }

    /** Entry bundles requested ahead of the one being checked, by default. */
    public static final int DEFAULT_BUNDLES_AHEAD = 4;

    private final LogReader reader;
    private final int bundlesAhead;

    public LogFollower(LogReader reader) {
        this(reader, DEFAULT_BUNDLES_AHEAD);
    }

    /**
     * @param bundlesAhead entry bundles fetched in the background while one is checked (0: one at a time); each holds
     *     at most 256 leaves, so memory holds at most {@code 1 + bundlesAhead} bundles
     */
    public LogFollower(LogReader reader, int bundlesAhead) {
        if (bundlesAhead < 0) {
            throw new IllegalArgumentException("bundles ahead must not be negative, not " + bundlesAhead);
        }
        this.reader = Objects.requireNonNull(reader, "reader");
        this.bundlesAhead = bundlesAhead;
    }

    /**
     * Reads leaves {@code [from, to)} of the tree of {@code checkpoint}, in order.
     *
     * @throws LogVerificationException {@code LOG_INCONSISTENT} when an entry does not hash to its tile, a tile does
     *     not lead to the checkpoint's root, or a leaf is unreadable; {@code LOG_UNAVAILABLE} when it cannot be read
     */
    public void read(Checkpoint checkpoint, TiledTree tree, long from, long to, Visitor visitor) {
        if (to > checkpoint.size() || from > to) {
            throw new IllegalArgumentException("leaves [" + from + ", " + to + ") are not in a tree of "
                    + checkpoint.size());
        }
        BundleFetches fetches = new BundleFetches(reader, checkpoint.size(), from, to, bundlesAhead);
        try {
            readFetched(checkpoint, tree, from, to, visitor, fetches);
        } finally {
            fetches.close();
        }
    }

    private static void readFetched(Checkpoint checkpoint, TiledTree tree, long from, long to, Visitor visitor,
                                    BundleFetches fetches) {
        long index = from;
        while (index < to) {
            TilePath bundle = TilePath.entriesCovering(index, checkpoint.size());
            long first = bundle.index() * TilePath.FULL_WIDTH;
            List<byte[]> entries = fetches.next(bundle);
            // A full bundle whose entries are all served is proved from its entries against the tiles above it (no
            // level-0 tile to fetch); otherwise its level-0 tile is proved and each entry compared with its hash.
            boolean provedWhole = entries.size() == TilePath.FULL_WIDTH && entries.stream().noneMatch(e -> e.length == 0);
            if (provedWhole) {
                verifyBundle(checkpoint, new BundleSubtree(first, entries, tree), first, bundle);
            } else {
                verifyTile(checkpoint, tree, first);
            }
            for (int i = (int) (index - first); i < entries.size() && first + i < to; i++) {
                long at = first + i;
                byte[] entry = entries.get(i);
                if (entry.length == 0) {
                    visitor.visit(at, null, null);
                    continue;
                }
                if (!provedWhole && !MessageDigest.isEqual(MerkleHash.leaf(entry), tree.leafHash(at))) {
                    throw inconsistent("entry " + at + " of " + bundle.path() + " does not hash to the log's leaf hash");
                }
                String text = LogReader.utf8(entry);
                LogLeaf leaf;
                try {
                    leaf = LogLeaf.parse(StrictJson.mapper().readTree(text));
                } catch (JacksonException | LeafFormatException e) {
                    throw inconsistent("leaf " + at + " is not a leaf the exchange writes: " + e.getMessage());
                }
                visitor.visit(at, leaf, text);
            }
            index = first + entries.size();
        }
    }

    /**
     * Reads leaves {@code [history.size(), checkpoint.size())} into the key history and keeps the key and admin events
     * in {@code store}.
     *
     * @return the key events read
     */
    public List<KeyEventLeaf> catchUp(Checkpoint checkpoint, TiledTree tree, KeyHistory history, LogEventStore store) {
        List<LogEventStore.Event> kept = new ArrayList<>();
        List<KeyEventLeaf> keyEvents = new ArrayList<>();
        read(checkpoint, tree, history.size(), checkpoint.size(), (index, leaf, text) -> {
            if (leaf instanceof KeyEventLeaf event) {
                history.apply(index, event);
                keyEvents.add(event);
                kept.add(new LogEventStore.Event(index, text));
            } else if (leaf instanceof AdminEventLeaf event) {
                history.apply(index, event);
                kept.add(new LogEventStore.Event(index, text));
            } else if (leaf instanceof LegacyLeaf legacy && !legacy.concernsAnObject()) {
                history.apply(index, legacy);
                kept.add(new LogEventStore.Event(index, text));
            }
        });
        history.readUpTo(checkpoint.size());
        store.append(kept, checkpoint.size());
        return keyEvents;
    }

    /** Replays the events a store kept into a fresh history. */
    public static void replay(LogEventStore store, KeyHistory history) {
        for (LogEventStore.Event event : store.events()) {
            LogLeaf leaf = LogLeaf.parse(StrictJson.mapper().readTree(event.leaf()));
            if (leaf instanceof KeyEventLeaf keyEvent) {
                history.apply(event.index(), keyEvent);
            } else if (leaf instanceof AdminEventLeaf adminEvent) {
                history.apply(event.index(), adminEvent);
            } else if (leaf instanceof LegacyLeaf legacy) {
                history.apply(event.index(), legacy);
            }
        }
        history.readUpTo(store.readUpTo());
    }

    /** One inclusion proof per full bundle: its entries' subtree, folded along the proof, must give the checkpoint's root. */
    private static void verifyBundle(Checkpoint checkpoint, BundleSubtree hashes, long first, TilePath bundle) {
        try {
            MerkleProofs.inclusion(first, checkpoint.size(), hashes).verify(hashes.firstLeafHash(), checkpoint.rootHash());
        } catch (InvalidProofException | IllegalStateException e) {
            throw inconsistent("the entries of " + bundle.path() + " do not lead to the root of the checkpoint of size "
                    + checkpoint.size() + ": " + e.getMessage());
        }
    }

    /** One inclusion proof per level-0 tile: its hashes, folded along the proof, must give the checkpoint's root. */
    private static void verifyTile(Checkpoint checkpoint, TiledTree tree, long first) {
        try {
            MerkleProofs.inclusion(first, checkpoint.size(), tree).verify(tree.leafHash(first), checkpoint.rootHash());
        } catch (InvalidProofException | IllegalStateException e) {
            throw inconsistent("the log's tiles around leaf " + first + " do not lead to the root of the checkpoint of"
                    + " size " + checkpoint.size() + ": " + e.getMessage());
        }
    }

    static LogVerificationException inconsistent(String message) {
        return new LogVerificationException(VerificationFailure.LOG_INCONSISTENT, message, null);
    }
}
