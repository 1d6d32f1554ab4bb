package org.trilateral.client.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/sdk.md shows {@link FirstSteps} as it is compiled, so the documented example always compiles. */
class SdkDocumentationTest {

    private static Path projectFile(String relative) {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null && !Files.exists(directory.resolve("mvnw"))) {
            directory = directory.getParent();
        }
        assertThat(directory).as("the project root, holding mvnw").isNotNull();
        return directory.resolve(relative);
    }

    @Test
    void sdkDocWhenItShowsTheExampleThenExactlyTheCompiledSource() throws Exception {
        String source = Files.readString(projectFile("client-sdk/src/test/java/org/trilateral/client/example/FirstSteps.java"));
        String shown = source.substring(source.indexOf("import java.net.URI;")).strip();

        assertThat(Files.readString(projectFile("docs/sdk.md"))).contains(shown);
    }
}
