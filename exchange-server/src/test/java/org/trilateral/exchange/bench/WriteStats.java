package org.trilateral.exchange.bench;

import java.util.Locale;

/**
 * The exchange's own account of its writes, read from its Prometheus metrics (docs/operations.md): how many writes
 * (transactions holding the collection and log locks) a load took, how long they held them, and how many envelopes
 * each committed together.
 */
record WriteStats(double writes, double seconds, double envelopes, double objects) {

    static WriteStats read(BenchHttp http, String admin) throws Exception {
        String metrics = http.getText("/actuator/prometheus", admin);
        return new WriteStats(value(metrics, "exchange_ingest_writes_seconds_count"),
                value(metrics, "exchange_ingest_writes_seconds_sum"),
                value(metrics, "exchange_ingest_write_envelopes_sum"),
                value(metrics, "exchange_ingest_write_objects_sum"));
    }

    private static double value(String metrics, String name) {
        for (String line : metrics.split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return 0;
    }

    /** What happened between {@code before} and this reading, as one line. */
    String since(WriteStats before, double wallSeconds) {
        double w = writes - before.writes;
        double s = seconds - before.seconds;
        if (w == 0) {
            return "    writes: not reported by this exchange";
        }
        return String.format(Locale.ROOT, "    writes: %,.0f for %,.0f envelopes (%.1f envelopes, %,.0f objects per write),"
                        + " %.1f ms per write, locks held %.0f %% of the time", w, envelopes - before.envelopes,
                w == 0 ? 0 : (envelopes - before.envelopes) / w, w == 0 ? 0 : (objects - before.objects) / w,
                w == 0 ? 0 : 1000 * s / w, wallSeconds == 0 ? 0 : 100 * s / wallSeconds);
    }
}
