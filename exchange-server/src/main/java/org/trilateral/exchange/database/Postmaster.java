package org.trilateral.exchange.database;

import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A PostgreSQL server running on a data directory, as the directory's {@code postmaster.pid} describes it (its lines:
 * process id, data directory, start time, port, socket directory, listen address, ...; PostgreSQL 17 manual §19.3),
 * and the way to stop it: {@code pg_ctl stop -m fast} from the server's own binaries (fast shutdown: sessions are
 * ended, a shutdown checkpoint is written, §19.5).
 */
record Postmaster(long pid, Path dataDirectory, int port, Optional<Path> binary) {

    static final String PID_FILE = "postmaster.pid";

    /**
     * The server whose {@code postmaster.pid} is in {@code dataDirectory} and whose process is alive; empty when there
     * is no such file, or its process is gone (PostgreSQL then replaces the file itself).
     */
    static Optional<Postmaster> running(Path dataDirectory) {
        List<String> lines;
        try {
            lines = Files.readAllLines(dataDirectory.resolve(PID_FILE), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("cannot read " + dataDirectory.resolve(PID_FILE) + ": " + e.getMessage(),
                    "check the permissions of the data directory");
        }
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).strip());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        int port = lines.size() > 3 && lines.get(3).strip().matches("\\d+") ? Integer.parseInt(lines.get(3).strip()) : 0;
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return Optional.empty();
        }
        Optional<Path> binary = process.get().info().command().map(Path::of);
        return Optional.of(new Postmaster(pid, dataDirectory, port, binary));
    }

    /**
     * Whether the process is a PostgreSQL server; false when it is some other program that was given the recorded id
     * after the server's end (after a reboot, say), or when the system does not say what it is.
     */
    boolean isPostgres() {
        return binary.map(b -> b.getFileName().toString().equals("postgres")).orElse(false);
    }

    /** {@code pg_ctl} beside the server's binary, if it is there. */
    Optional<Path> pgCtl() {
        return binary.map(b -> b.resolveSibling("pg_ctl")).filter(Files::isExecutable);
    }

    /**
     * Stops the server and waits for its process to end: {@code pg_ctl stop -m fast} when the server's binaries are
     * still there, otherwise SIGTERM (smart shutdown: it waits for sessions, and an exchange that is gone has none).
     *
     * @throws EmbeddedDatabaseException when it is still running after {@code timeout}
     */
    void stop(Duration timeout, String why) {
        ProcessHandle process = ProcessHandle.of(pid).orElse(null);
        if (process == null) {
            return;
        }
        String output = "";
        Optional<Path> pgCtl = pgCtl();
        try {
            if (pgCtl.isPresent()) {
                output = run(pgCtl.get(), timeout, "stop", "-D", dataDirectory.toString(), "-m", "fast", "-w",
                        "-t", Long.toString(Math.max(1, timeout.toSeconds())));
            } else {
                process.destroy();
            }
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw notStopped(timeout, why, output);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw notStopped(timeout, why, output);
        }
    }

    private EmbeddedDatabaseException notStopped(Duration timeout, String why, String output) {
        return new EmbeddedDatabaseException("the PostgreSQL server (process " + pid + ") " + why + " on data directory "
                + dataDirectory + " did not stop within " + timeout.toSeconds() + " s"
                + (output.isBlank() ? "" : " (pg_ctl: " + output.strip().replace('\n', ' ') + ")"),
                "stop it (kill -INT " + pid + "), wait for it to end, and start the exchange again");
    }

    /**
     * The command line that runs a PostgreSQL program as the embedded server's programs are run: PostgreSQL refuses to
     * run as root, so as root they run in a user namespace of their own ({@code unshare -U}), as the library does.
     */
    static List<String> command(Path program, String... arguments) {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(program.toString());
        command.addAll(List.of(arguments));
        return command;
    }

    /** Runs a PostgreSQL program and answers what it printed. */
    static String run(Path program, Duration timeout, String... arguments) {
        try {
            Process process = new ProcessBuilder(command(program, arguments)).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
            return new String(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
