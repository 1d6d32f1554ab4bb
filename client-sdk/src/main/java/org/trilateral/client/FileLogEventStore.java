package org.trilateral.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * Key and admin events in files: {@code file} holds one line per event ({@code <index> <base64 leaf>}), appended and
 * forced to disk, and {@code file.read} how far the log was read, replaced atomically after the events it covers.
 * Lines past the recorded position (a crash between the two writes) are ignored and read again.
 */
public final class FileLogEventStore implements LogEventStore {

    private final Path file;
    private final Path position;

    public FileLogEventStore(Path file) {
        this.file = Objects.requireNonNull(file, "file");
        this.position = file.resolveSibling(file.getFileName() + ".read");
    }

    @Override
    public synchronized long readUpTo() {
        try {
            return Long.parseLong(Files.readString(position, StandardCharsets.UTF_8).strip());
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("could not read the log position " + position + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized List<Event> events() {
        long read = readUpTo();
        try {
            List<Event> events = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int space = line.indexOf(' ');
                if (space < 0) {
                    continue;
                }
                long index = Long.parseLong(line.substring(0, space));
                if (index < read && (events.isEmpty() || events.get(events.size() - 1).index() < index)) {
                    events.add(new Event(index, new String(Base64.getDecoder().decode(line.substring(space + 1)),
                            StandardCharsets.UTF_8)));
                }
            }
            return events;
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("could not read the log events " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void append(List<Event> more, long readUpTo) {
        try {
            Path directory = file.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            StringBuilder lines = new StringBuilder();
            for (Event event : more) {
                lines.append(event.index()).append(' ')
                        .append(Base64.getEncoder().encodeToString(event.leaf().getBytes(StandardCharsets.UTF_8)))
                        .append('\n');
            }
            if (!lines.isEmpty()) {
                Files.writeString(file, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND, StandardOpenOption.SYNC);
            }
            Path temporary = Files.createTempFile(directory, "log-read", ".tmp");
            Files.writeString(temporary, Long.toString(readUpTo), StandardCharsets.UTF_8, StandardOpenOption.SYNC);
            Files.move(temporary, position, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the log events " + file, e);
        }
    }
}
