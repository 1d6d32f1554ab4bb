package org.trilateral.exchange.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the embedded server when the exchange's JVM dies without running its shutdown hooks (SIGKILL, an
 * out-of-memory kill). {@code pg_ctl start} detaches the server from the JVM, so nothing else would stop it: a small
 * shell, a child of the JVM, blocks reading a pipe whose only writer is the JVM; when the JVM ends, however it ends,
 * the operating system closes the pipe, the read returns, and the shell runs {@code pg_ctl stop -m fast}. It ignores
 * SIGINT, SIGTERM and SIGHUP, so a Ctrl-C sent to the whole process group leaves the stopping to the JVM's own shutdown
 * hook first. Should the watchdog be killed with the JVM, the next start finds the server stale and stops it
 * ({@link EmbeddedPostgresServer}).
 */
final class PostmasterWatchdog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PostmasterWatchdog.class);
    private static final Path SHELL = Path.of("/bin/sh");
    private static final String SCRIPT = "trap '' INT TERM HUP; read -r _ ; exec \"$@\"";

    private final Process process;

    private PostmasterWatchdog(Process process) {
        this.process = process;
    }

    /** Starts watching; empty (with a warning) where there is no POSIX shell or no {@code pg_ctl} to run. */
    static Optional<PostmasterWatchdog> start(Postmaster postmaster, Duration stopTimeout) {
        Optional<Path> pgCtl = postmaster.pgCtl();
        if (pgCtl.isEmpty() || !Files.isExecutable(SHELL)) {
            log.warn("The embedded PostgreSQL (process {}) will not be stopped if this JVM is killed: no {} or pg_ctl here;"
                    + " the next start of the exchange stops it", postmaster.pid(), SHELL);
            return Optional.empty();
        }
        try {
            List<String> command = new ArrayList<>(List.of(SHELL.toString(), "-c", SCRIPT, "exchange-postgres-watchdog"));
            command.addAll(Postmaster.command(pgCtl.get(), "stop", "-D", postmaster.dataDirectory().toString(),
                    "-m", "fast", "-w", "-t", Long.toString(Math.max(1, stopTimeout.toSeconds()))));
            Process process = new ProcessBuilder(command)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return Optional.of(new PostmasterWatchdog(process));
        } catch (IOException e) {
            log.warn("The embedded PostgreSQL (process {}) will not be stopped if this JVM is killed: {}", postmaster.pid(),
                    e.getMessage());
            return Optional.empty();
        }
    }

    /** Called before the server is stopped normally: the watchdog has nothing left to do. */
    @Override
    public void close() {
        process.destroyForcibly();
    }
}
