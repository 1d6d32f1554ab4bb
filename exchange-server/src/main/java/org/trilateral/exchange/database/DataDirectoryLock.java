package org.trilateral.exchange.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;

/**
 * Which exchange owns an embedded data directory: the file {@code <data-directory>.lock} beside it, which the owning
 * JVM holds an operating-system lock on for as long as it runs, and which names it (process id, start time). The
 * operating system releases the lock when the process ends, however it ends (SIGKILL, an out-of-memory kill), so a
 * held lock means a live owner, and a free lock means that any server still running on the directory was left behind
 * by an exchange that is gone.
 */
final class DataDirectoryLock implements AutoCloseable {

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock file of {@code dataDirectory} (an absolute, normalised path). */
    static Path fileOf(Path dataDirectory) {
        return dataDirectory.resolveSibling(dataDirectory.getFileName() + ".lock");
    }

    /**
     * Takes the directory for this process, or fails naming the process that holds it.
     *
     * @throws EmbeddedDatabaseException when a live process holds it
     */
    static DataDirectoryLock acquire(Path dataDirectory) {
        Path file = fileOf(dataDirectory);
        FileChannel channel = null;
        try {
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                // Held by this very JVM (an exchange started twice in one process).
                channel.close();
                throw inUse(dataDirectory, Optional.of(new Owner(ProcessHandle.current().pid(), null)));
            }
            if (lock == null) {
                channel.close();
                throw inUse(dataDirectory, owner(file));
            }
            ProcessHandle self = ProcessHandle.current();
            String record = "pid=" + self.pid() + "\nstarted=" + self.info().startInstant().orElse(Instant.now()) + "\n";
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(record.getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(true);
            return new DataDirectoryLock(file, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new EmbeddedDatabaseException("cannot take the data directory " + dataDirectory + " (lock file " + file
                    + "): " + e.getMessage(), "check that this user may create and write files there", e);
        }
    }

    /** Whether a live process (this one included) owns {@code dataDirectory}; takes nothing. */
    static boolean held(Path dataDirectory) {
        Path file = fileOf(dataDirectory);
        if (!Files.exists(file)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                return true;
            }
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (IOException e) {
            // Whatever cannot be checked here is reported by acquire(), which the start of the server calls.
            return false;
        }
    }

    /**
     * Fails, naming the process that holds it, when a live process owns {@code dataDirectory}; takes nothing.
     *
     * @throws EmbeddedDatabaseException when a live process holds it
     */
    static void requireFree(Path dataDirectory) {
        if (held(dataDirectory)) {
            throw inUse(dataDirectory, owner(fileOf(dataDirectory)));
        }
    }

    /** Who the lock file says holds it; empty when it does not say (being written, or written by hand). */
    static Optional<Owner> owner(Path lockFile) {
        try {
            Long pid = null;
            Instant started = null;
            for (String line : Files.readAllLines(lockFile, StandardCharsets.UTF_8)) {
                if (line.startsWith("pid=")) {
                    pid = Long.parseLong(line.substring(4).strip());
                } else if (line.startsWith("started=")) {
                    started = Instant.parse(line.substring(8).strip());
                }
            }
            return pid == null ? Optional.empty() : Optional.of(new Owner(pid, started));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static EmbeddedDatabaseException inUse(Path dataDirectory, Optional<Owner> owner) {
        String holder = owner.map(Owner::describe).orElse("another process (its id is not recorded in "
                + fileOf(dataDirectory) + ")");
        String stop = owner.map(o -> "stop that exchange (kill " + o.pid() + ")").orElse("stop that exchange");
        return new EmbeddedDatabaseException("data directory " + dataDirectory + " is in use by " + holder,
                stop + " before starting another on it, or give this one a directory of its own with"
                        + " --exchange.database.embedded.data-directory=<path>");
    }

    Path file() {
        return file;
    }

    @Override
    public void close() {
        // The file stays: deleting it could let a second process lock a new file while a third still holds the old one.
        try {
            lock.release();
        } catch (IOException e) {
            throw new UncheckedIOException("could not release " + file, e);
        } finally {
            closeQuietly(channel);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing more to release
            }
        }
    }

    /** The exchange process recorded in a lock file. */
    record Owner(long pid, Instant started) {

        String describe() {
            boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            return "exchange process " + pid + (started == null ? "" : " (started " + started + ")")
                    + (alive ? "" : ", which is not visible from here");
        }
    }
}
