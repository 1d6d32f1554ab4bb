package org.trilateral.taxonomy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/**
 * Where the shared published test vectors are: the {@code shared.dir} system property set by surefire, or
 * {@code ../shared} next to the project. Tests skip, saying why, when the folder is absent.
 */
public final class PublishedTestVectors {

    private PublishedTestVectors() {
    }

    /** The folder {@code test-vectors/<name>}, or the calling test is skipped when it is absent. */
    public static Path folder(String name) {
        String configured = System.getProperty("shared.dir");
        Path shared = configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of("").toAbsolutePath().getParent().resolve("../shared").normalize();
        Path folder = shared.resolve("test-vectors").resolve(name);
        Assumptions.assumeTrue(Files.isDirectory(folder),
                "published test vectors not found at " + folder + " (set -Dshared.dir to the shared fixtures)");
        return folder;
    }
}
