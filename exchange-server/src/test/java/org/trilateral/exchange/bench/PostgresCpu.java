package org.trilateral.exchange.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * CPU spent by one embedded PostgreSQL (the postmaster started on {@code dataDirectory} and its backends), from
 * {@code /proc/<pid>/stat} (Linux): unlike the machine's busy time in {@link CpuUse}, it does not count other work
 * running on the machine, so it stays comparable between runs on a shared machine.
 */
final class PostgresCpu {

    /** Clock ticks per second of {@code /proc} (USER_HZ), 100 on Linux. */
    private static final double TICKS_PER_SECOND = 100;

    private final ProcessHandle postmaster;

    private PostgresCpu(ProcessHandle postmaster) {
        this.postmaster = postmaster;
    }

    /** The PostgreSQL whose command line names {@code dataDirectory}, if this is Linux and it runs. */
    static Optional<PostgresCpu> of(Path dataDirectory) {
        String directory = dataDirectory.toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("postgres") && c.contains(directory)).orElse(false))
                .findFirst()
                .map(PostgresCpu::new);
    }

    /** CPU nanoseconds used so far by the postmaster, its running backends and its exited children. */
    long nanos() {
        long ticks = ticks(postmaster.pid(), true);
        for (ProcessHandle child : postmaster.descendants().toList()) {
            ticks += ticks(child.pid(), false);
        }
        return (long) (ticks / TICKS_PER_SECOND * 1e9);
    }

    private static long ticks(long pid, boolean withExitedChildren) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // The fields after the command name (which may contain spaces) end with ")"; utime is field 14.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return withExitedChildren ? ticks + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : ticks;
        } catch (Exception e) {
            // The process ended between the listing and the read: its time is in the postmaster's children's.
            return 0;
        }
    }
}
