package org.trilateral.exchange.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * CPU spent during a load: this JVM's (the exchange and the benchmark's clients share it) from the operating-system
 * bean, and the whole machine's from {@code /proc/stat} (Linux), whose difference is mostly PostgreSQL's when nothing
 * else runs. Divided by the objects of the load, it says what bounds throughput on a machine whose cores are busy.
 */
record CpuUse(long processNanos, long machineBusyTicks, long machineTicks) {

    /** Clock ticks per second of {@code /proc/stat} (USER_HZ), 100 on Linux. */
    private static final double TICKS_PER_SECOND = 100;

    static CpuUse now() {
        long process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        long busy = -1;
        long all = -1;
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
            all = 0;
            for (int i = 1; i < Math.min(cpu.length, 9); i++) {
                all += Long.parseLong(cpu[i]);
            }
            busy = all - idle;
        } catch (Exception e) {
            // Not Linux: only the JVM's share is reported.
        }
        return new CpuUse(process, busy, all);
    }

    /** CPU microseconds per object since {@code before}: this JVM's, and the rest of the machine's. */
    String perObject(CpuUse before, long objects) {
        double jvm = (processNanos - before.processNanos) / 1e3 / objects;
        if (machineBusyTicks < 0) {
            return String.format(Locale.ROOT, "    CPU per object: %.0f µs in the JVM (exchange and clients)", jvm);
        }
        double machine = (machineBusyTicks - before.machineBusyTicks) / TICKS_PER_SECOND * 1e6 / objects;
        return String.format(Locale.ROOT, "    CPU per object: %.0f µs in the JVM (exchange and clients), %.0f µs elsewhere"
                + " (PostgreSQL and anything else running)", jvm, Math.max(0, machine - jvm));
    }
}
