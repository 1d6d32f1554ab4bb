package org.trilateral.client.cli;

import java.io.PrintStream;

/** Objects done and rate, on standard error so standard output stays data. */
final class Progress {

    private final PrintStream out;
    private final String verb;
    private final long started = System.nanoTime();
    private long done;

    Progress(PrintStream out, String verb) {
        this.out = out;
        this.verb = verb;
    }

    void add(long count) {
        done += count;
        double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
        out.printf("%s %d %s (%.0f/s)%n", verb, done, done == 1 ? "object" : "objects", done / seconds);
    }

    long done() {
        return done;
    }
}
