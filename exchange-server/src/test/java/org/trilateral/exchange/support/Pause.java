package org.trilateral.exchange.support;

/** A pause in a test that polls for something to happen; an interrupted pause fails the test. */
public final class Pause {

    private Pause() {
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
