package org.trilateral.exchange.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** A timed run: its wall time, its objects and the latency of each request. */
record Measurement(long nanos, long objects, List<Long> latencies) {

    Measurement {
        latencies = List.copyOf(latencies);
    }

    double objectsPerSecond() {
        return objects / (nanos / 1e9);
    }

    double percentileMillis(double p) {
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return percentile(sorted, p);
    }

    static double percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    /** One line: what, objects/s, requests and latency p50/p99, in a form docs/performance.md tables copy. */
    void print(String what) {
        System.out.printf(Locale.ROOT, "%-44s %,9d objects in %7.2f s = %,8.0f objects/s; %,6d requests, p50 %7.1f ms,"
                        + " p99 %7.1f ms%n", what + ":", objects, nanos / 1e9, objectsPerSecond(), latencies.size(),
                percentileMillis(0.50), percentileMillis(0.99));
    }
}
