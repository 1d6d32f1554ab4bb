package org.trilateral.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The integrity root must be checkable without the STIX model: no main source under it imports org.trilateral.taxonomy. */
class IntegrityBoundaryTest {

    @Test
    void mainSourcesWhenScannedThenNoneImportsTheTaxonomy() throws IOException {
        Path root = Path.of("src", "main", "java", "org", "trilateral", "integrity");
        List<Path> offenders;
        try (Stream<Path> files = Files.walk(root)) {
            offenders = files.filter(f -> f.toString().endsWith(".java")).filter(IntegrityBoundaryTest::importsTaxonomy).toList();
        }
        assertThat(Files.isDirectory(root)).isTrue();
        assertThat(offenders).isEmpty();
    }

    private static boolean importsTaxonomy(Path file) {
        try {
            return Files.readString(file).contains("org.trilateral.taxonomy");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
