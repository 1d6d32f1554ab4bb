package org.trilateral.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileCursorStoreTest {

    @TempDir
    Path directory;

    @Test
    void loadWhenNeverSavedThenEmpty() {
        assertThat(new FileCursorStore(directory.resolve("missing")).load("job")).isEmpty();
    }

    @Test
    void saveWhenSavedTwiceThenLatestSurvivesANewStoreAndNoTemporaryFilesRemain() throws Exception {
        new FileCursorStore(directory).save("job", "MTA");
        new FileCursorStore(directory).save("job", "MjA");

        assertThat(new FileCursorStore(directory).load("job")).contains("MjA");
        try (var files = Files.list(directory)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("job.cursor");
        }
    }

    @Test
    void saveWhenNamesDifferThenCursorsAreIndependent() {
        FileCursorStore store = new FileCursorStore(directory);
        store.save("a", "1");
        store.save("b", "2");

        assertThat(store.load("a")).contains("1");
        assertThat(store.load("b")).contains("2");
    }
}
