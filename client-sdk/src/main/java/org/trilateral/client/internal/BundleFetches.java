package org.trilateral.client.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.trilateral.integrity.tiles.TilePath;

/**
 * The entry bundles covering leaves {@code [from, to)} of a tree (C2SP tlog-tiles), fetched in order with up to
 * {@code ahead} requests in flight while the caller checks the one before. What is fetched is only text: every entry
 * is still checked by the caller against the tiles of a verified checkpoint. Close it to stop the fetching threads.
 */
final class BundleFetches implements AutoCloseable {

    private final LogReader reader;
    private final long treeSize;
    private final long to;
    private final int ahead;
    private final Deque<CompletableFuture<List<byte[]>>> inFlight = new ArrayDeque<>();
    private final Deque<TilePath> requested = new ArrayDeque<>();
    private final ExecutorService threads;
    /** The first leaf of the next bundle to request. */
    private long nextLeaf;

    BundleFetches(LogReader reader, long treeSize, long from, long to, int ahead) {
        this.reader = reader;
        this.treeSize = treeSize;
        this.to = to;
        this.ahead = ahead;
        this.nextLeaf = from;
        this.threads = ahead == 0 ? null : Executors.newFixedThreadPool(ahead, task -> {
            Thread thread = new Thread(task, "exchange-log-bundles");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The entries of {@code bundle}, which must be the next bundle in order. */
    List<byte[]> next(TilePath bundle) {
        if (threads == null) {
            return reader.entries(bundle);
        }
        while (inFlight.size() <= ahead && nextLeaf < to) {
            TilePath path = TilePath.entriesCovering(nextLeaf, treeSize);
            nextLeaf = path.index() * TilePath.FULL_WIDTH + path.width();
            requested.add(path);
            inFlight.add(CompletableFuture.supplyAsync(() -> reader.entries(path), threads));
        }
        TilePath expected = requested.removeFirst();
        if (!expected.path().equals(bundle.path())) {
            throw new IllegalStateException("bundle " + bundle.path() + " asked for out of order; next is " + expected.path());
        }
        try {
            return inFlight.removeFirst().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    @Override
    public void close() {
        if (threads != null) {
            threads.shutdownNow();
        }
    }
}
