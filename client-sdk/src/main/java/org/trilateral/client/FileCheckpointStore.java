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
import java.util.Optional;

/**
 * The verified checkpoints in files: the latest signed note in {@code file}, replaced atomically, every verified
 * note appended to {@code file.history} (one base64 line per note), forced to disk before the latest is replaced, and
 * a log key trusted on first use in {@code file.vkey}, written once.
 */
public final class FileCheckpointStore implements CheckpointStore {

    private final Path file;
    private final Path history;
    private final Path key;

    /** Keeps the latest checkpoint in {@code file} and the history beside it. */
    public FileCheckpointStore(Path file) {
        this.file = Objects.requireNonNull(file, "file");
        this.history = file.resolveSibling(file.getFileName() + ".history");
        this.key = file.resolveSibling(file.getFileName() + ".vkey");
    }

    @Override
    public Optional<String> firstUseKey() {
        try {
            return Optional.of(Files.readString(key, StandardCharsets.UTF_8).strip());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the log key " + key, e);
        }
    }

    @Override
    public synchronized void keepFirstUseKey(String vkey) {
        try {
            Files.createDirectories(key.toAbsolutePath().getParent());
            Files.writeString(key, vkey + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the log key in " + key, e);
        }
    }

    @Override
    public Optional<String> latest() {
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the checkpoint " + file, e);
        }
    }

    @Override
    public synchronized void save(String signedNote) {
        try {
            Path directory = file.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            Files.writeString(history, Base64.getEncoder().encodeToString(signedNote.getBytes(StandardCharsets.UTF_8))
                    + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.SYNC);
            Path temporary = Files.createTempFile(directory, "checkpoint", ".tmp");
            Files.writeString(temporary, signedNote, StandardCharsets.UTF_8, StandardOpenOption.SYNC);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the checkpoint " + file, e);
        }
    }

    @Override
    public List<String> history() {
        try {
            List<String> notes = new ArrayList<>();
            for (String line : Files.readAllLines(history, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    notes.add(new String(Base64.getDecoder().decode(line.strip()), StandardCharsets.UTF_8));
                }
            }
            return notes;
        } catch (NoSuchFileException e) {
            return latest().map(List::of).orElse(List.of());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the checkpoint history " + history, e);
        }
    }
}
