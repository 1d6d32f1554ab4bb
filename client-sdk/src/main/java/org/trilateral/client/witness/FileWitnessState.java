package org.trilateral.client.witness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import org.trilateral.integrity.checkpoint.Checkpoint;
import org.trilateral.integrity.checkpoint.SignedNote;
import org.trilateral.integrity.witness.WitnessState;

/**
 * A witness's latest cosigned checkpoint per log, one file per log named by the SHA-256 of its origin (as the
 * tlog-witness monitoring path), written to a temporary file, forced to disk and moved over the old one before the
 * cosignature is returned (tlog-witness: "The witness MUST persist the new checkpoint before responding").
 */
public final class FileWitnessState implements WitnessState {

    private final Path directory;

    public FileWitnessState(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /** Lowercase hex SHA-256 of the origin: the file name and the monitoring path segment. */
    public static String originHash(String origin) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(origin.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    @Override
    public synchronized Optional<String> latest(String origin) {
        try {
            return Optional.of(Files.readString(directory.resolve(originHash(origin)), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the witness state of " + origin, e);
        }
    }

    @Override
    public synchronized boolean replace(String origin, long expectedSize, long newSize, String cosignedNote) {
        long stored = latest(origin).map(note -> Checkpoint.parse(SignedNote.parse(note).text()).size()).orElse(0L);
        if (stored != expectedSize) {
            return false;
        }
        try {
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, "checkpoint", ".tmp");
            Files.writeString(temporary, cosignedNote, StandardCharsets.UTF_8, StandardOpenOption.SYNC);
            Files.move(temporary, directory.resolve(originHash(origin)), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the witness state of " + origin, e);
        }
    }
}
