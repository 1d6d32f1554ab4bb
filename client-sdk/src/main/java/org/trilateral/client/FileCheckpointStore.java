package org.trilateral.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.Optional;
import org.trilateral.integrity.checkpoint.Checkpoint;

/**
 * The last verified checkpoint as its note text (C2SP tlog-checkpoint) in one file, replaced atomically. The
 * signature is not kept: the checkpoint was verified before it was saved.
 */
public final class FileCheckpointStore implements CheckpointStore {

    private final Path file;

    /** Keeps the checkpoint in {@code file}. */
    public FileCheckpointStore(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    @Override
    public Optional<Checkpoint> load() {
        try {
            return Optional.of(Checkpoint.parse(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the checkpoint " + file, e);
        }
    }

    @Override
    public synchronized void save(Checkpoint checkpoint) {
        try {
            Path directory = file.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, "checkpoint", ".tmp");
            Files.writeString(temporary, checkpoint.format(), StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the checkpoint " + file, e);
        }
    }
}
