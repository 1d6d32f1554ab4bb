package org.trilateral.client.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.JacksonException;

class ObjectFileTest {

    @TempDir
    Path directory;

    private List<String> ids(String content) throws Exception {
        Path file = directory.resolve("objects");
        Files.writeString(file, content);
        List<String> ids = new ArrayList<>();
        try (ObjectFile objects = ObjectFile.open(file)) {
            objects.forEachRemaining(object -> ids.add(object.path("id").asString()));
        }
        return ids;
    }

    @Test
    void readWhenJsonLinesThenEachLineInOrder() throws Exception {
        assertThat(ids("{\"id\":\"a\"}\n{\"id\":\"b\"}\n\n{\"id\":\"c\"}\n")).containsExactly("a", "b", "c");
    }

    @Test
    void readWhenPrettyPrintedBundleThenItsObjectsInOrder() throws Exception {
        assertThat(ids("{\n  \"type\": \"bundle\",\n  \"id\": \"bundle--1\",\n  \"objects\": [\n    {\"id\": \"a\"},\n"
                + "    {\"id\": \"b\"}\n  ]\n}\n")).containsExactly("a", "b");
    }

    @Test
    void readWhenOneObjectThenThatObject() throws Exception {
        assertThat(ids("{\"type\":\"indicator\",\"id\":\"a\"}")).containsExactly("a");
    }

    @Test
    void readWhenDuplicateMemberThenRefused() {
        assertThatThrownBy(() -> ids("{\"id\":\"a\",\"id\":\"b\"}\n")).isInstanceOf(JacksonException.class);
    }
}
