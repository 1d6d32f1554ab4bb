package org.trilateral.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.Optional;

/**
 * Cursors as small files in a directory, one per cursor name ({@code <name>.cursor}). A save writes a temporary
 * file, forces it to disk and moves it over the old one atomically, so a crash leaves either the old or the new
 * position, never a torn one.
 */
public final class FileCursorStore implements CursorStore {

    private final Path directory;

    /** Cursors in {@code directory}, created on first save. */
    public FileCursorStore(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    @Override
    public Optional<String> load(String name) {
        try {
            String text = Files.readString(file(name), StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? Optional.empty() : Optional.of(text);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the cursor " + file(name), e);
        }
    }

    @Override
    public synchronized void save(String name, String next) {
        Objects.requireNonNull(next, "next");
        Path target = file(name);
        try {
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, name, ".tmp");
            try (var channel = java.nio.channels.FileChannel.open(temporary, java.nio.file.StandardOpenOption.WRITE)) {
                channel.write(java.nio.ByteBuffer.wrap((next + "\n").getBytes(StandardCharsets.UTF_8)));
                channel.force(true);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the cursor " + target, e);
        }
    }

    private Path file(String name) {
        return directory.resolve(name + ".cursor");
    }
}
