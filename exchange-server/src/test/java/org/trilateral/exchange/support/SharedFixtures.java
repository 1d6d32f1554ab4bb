package org.trilateral.exchange.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the project's shared fixtures ({@code ../shared} beside the project, or the {@code shared.dir} system
 * property that the build sets). Tests that need them skip, with a message, when they are absent.
 */
public final class SharedFixtures {

    private SharedFixtures() {
    }

    public static Optional<Path> root() {
        String configured = System.getProperty("shared.dir");
        for (Path candidate : new Path[] {
                configured == null ? null : Path.of(configured),
                Path.of("..", "..", "shared"),
                Path.of("..", "shared")}) {
            if (candidate != null && Files.isDirectory(candidate)) {
                return Optional.of(candidate.toAbsolutePath().normalize());
            }
        }
        return Optional.empty();
    }

    public static Optional<Path> stixSchemaDirectory() {
        return root().map(r -> r.resolve("stix2-json-schemas")).filter(Files::isDirectory);
    }

    public static final String ABSENT = "shared/stix2-json-schemas is absent (expected at ../shared beside the project): skipping";
}
