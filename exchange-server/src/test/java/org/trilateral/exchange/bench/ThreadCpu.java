package org.trilateral.exchange.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU of this JVM's Java threads by group (the thread name without its number: {@code reactor-http-epoll},
 * {@code parallel}, {@code reactor-tcp-epoll}, the benchmark's {@code pool} and {@code HttpClient} clients), so that a
 * load's JVM CPU splits into the exchange's HTTP, its domain work, its database driver, the clients, and the rest (the
 * JVM's own threads: garbage collection and the JIT compilers, which are not Java threads).
 */
final class ThreadCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Map<Long, Long> nanos;
    private final Map<Long, String> names;
    /** The JIT compilers' and the garbage collectors' accumulated times (milliseconds, as the JVM's beans count them). */
    private final long compilingMillis;
    private final long collectingMillis;

    private ThreadCpu(Map<Long, Long> nanos, Map<Long, String> names, long compilingMillis, long collectingMillis) {
        this.nanos = nanos;
        this.names = names;
        this.compilingMillis = compilingMillis;
        this.collectingMillis = collectingMillis;
    }

    static ThreadCpu now() {
        Map<Long, Long> nanos = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null) {
                long cpu = THREADS.getThreadCpuTime(info.getThreadId());
                if (cpu >= 0) {
                    nanos.put(info.getThreadId(), cpu);
                    names.put(info.getThreadId(), info.getThreadName());
                }
            }
        }
        long collecting = 0;
        for (java.lang.management.GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            collecting += Math.max(0, collector.getCollectionTime());
        }
        java.lang.management.CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long compiling = jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
        return new ThreadCpu(nanos, names, compiling, collecting);
    }

    /** CPU microseconds per item since {@code before}, by thread group, and what the process spent outside them. */
    String perItem(ThreadCpu before, long processNanos, long items) {
        Map<String, Long> groups = new TreeMap<>();
        long threads = 0;
        for (Map.Entry<Long, Long> entry : nanos.entrySet()) {
            long spent = entry.getValue() - before.nanos.getOrDefault(entry.getKey(), 0L);
            threads += spent;
            groups.merge(names.get(entry.getKey()).replaceAll("[-#]?\\d+", ""), spent, Long::sum);
        }
        StringBuilder out = new StringBuilder("    JVM CPU per item by thread group:");
        groups.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                .forEach(e -> out.append(String.format(Locale.ROOT, " %s %.0f µs;", e.getKey(), e.getValue() / 1e3 / items)));
        out.append(String.format(Locale.ROOT, " outside Java threads (GC, JIT) %.0f µs",
                Math.max(0, processNanos - threads) / 1e3 / items));
        // Which of the two: the JIT still compiling means the load ran before the JVM reached its steady state.
        if (compilingMillis >= 0) {
            out.append(String.format(Locale.ROOT, " (JIT compiling %.0f µs, GC %.0f µs)",
                    (compilingMillis - before.compilingMillis) * 1e3 / items, (collectingMillis - before.collectingMillis) * 1e3 / items));
        }
        return out.toString();
    }
}
