package org.trilateral.client;

/**
 * How a stream of objects is verified ({@link ExchangeClient#verifyStream}): in batches (one request for a batch's
 * openings), the next {@code batchesAhead} batches prepared (digests, openings) while one is checked, on
 * {@code threads} threads. Memory holds at most {@code 1 + batchesAhead} batches, whatever the stream's length.
 *
 * @param batchSize objects per batch, at least 1 (default 1,000)
 * @param batchesAhead batches prepared ahead of the one being checked, at least 0 (default 1)
 * @param threads threads that compute digests and check entries and signatures, at least 1 (default: every core)
 */
public record VerificationWindow(int batchSize, int batchesAhead, int threads) {

    /** Objects per batch by default. */
    public static final int DEFAULT_BATCH_SIZE = 1_000;

    public VerificationWindow {
        if (batchSize < 1 || batchesAhead < 0 || threads < 1) {
            throw new IllegalArgumentException("a verification window needs a batch size and threads of at least 1 and"
                    + " batches ahead of at least 0, not " + batchSize + ", " + threads + " and " + batchesAhead);
        }
    }

    /** Batches of 1,000, one prepared ahead, every core. */
    public static VerificationWindow defaults() {
        return new VerificationWindow(DEFAULT_BATCH_SIZE, 1, Runtime.getRuntime().availableProcessors());
    }
}
