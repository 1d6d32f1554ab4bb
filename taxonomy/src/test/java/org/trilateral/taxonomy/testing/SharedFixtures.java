package org.trilateral.taxonomy.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Finds /work/shared (system property {@code shared.dir}, else {@code ../shared}) and skips when it is absent. */
public final class SharedFixtures {

    private SharedFixtures() {
    }

    /** The shared folder; the calling test is skipped with a message when it is missing. */
    public static Path sharedDir() {
        String property = System.getProperty("shared.dir");
        Path dir = property != null ? Path.of(property) : Path.of("..", "..", "shared");
        if (!Files.isDirectory(dir)) {
            dir = Path.of("..", "shared");
        }
        Assumptions.assumeTrue(Files.isDirectory(dir),
                "shared fixtures not found (set -Dshared.dir or place them at ../shared): " + dir.toAbsolutePath());
        return dir;
    }

    /** A path inside the shared folder; skips the test when it is missing. */
    public static Path shared(String relative) {
        Path path = sharedDir().resolve(relative);
        Assumptions.assumeTrue(Files.exists(path), "shared fixture missing: " + path.toAbsolutePath());
        return path;
    }
}
