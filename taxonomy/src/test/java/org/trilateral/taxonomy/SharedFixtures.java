package org.trilateral.taxonomy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.trilateral.taxonomy.stix.StixJson;
import tools.jackson.databind.JsonNode;

/** Locates /work/shared style fixtures: the {@code shared.dir} system property, else {@code ../shared} beside the project. */
public final class SharedFixtures {

    private SharedFixtures() {
    }

    /** The STIX 2.1 JSON schemas checkout, which may be absent: callers skip their tests then. */
    public static Path stixSchemas() {
        String configured = System.getProperty("shared.dir");
        Path shared = configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of("").toAbsolutePath().getParent().resolve("../shared").normalize();
        return shared.resolve("stix2-json-schemas");
    }

    public static boolean present(Path path) {
        return Files.isDirectory(path);
    }

    /**
     * Every STIX object in the OASIS samples ({@code examples/} recursively, and {@code interop/}): the
     * members of each bundle, or the file itself when it is a single object. JSON Schema files (the interop
     * profiles are schemas, not bundles) contribute nothing. Each entry is "file#index" to the object.
     */
    public static java.util.Map<String, JsonNode> sampleObjects() throws java.io.IOException {
        Path root = stixSchemas();
        java.util.Map<String, JsonNode> objects = new java.util.LinkedHashMap<>();
        for (String folder : java.util.List.of("examples", "interop")) {
            java.util.List<Path> files;
            try (java.util.stream.Stream<Path> walk = Files.walk(root.resolve(folder))) {
                files = walk.filter(f -> f.toString().endsWith(".json")).sorted().toList();
            }
            for (Path file : files) {
                JsonNode document = StixJson.mapper().readTree(file.toFile());
                String name = root.relativize(file).toString();
                if ("bundle".equals(document.path("type").asString())) {
                    JsonNode members = document.path("objects");
                    for (int i = 0; i < members.size(); i++) {
                        objects.put(name + "#" + i + " " + members.get(i).path("id").asString(), members.get(i));
                    }
                } else if (document.has("type") && document.has("id")) {
                    objects.put(name + " " + document.path("id").asString(), document);
                }
            }
        }
        return objects;
    }
}
