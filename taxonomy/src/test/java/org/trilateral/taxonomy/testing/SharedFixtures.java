package org.trilateral.taxonomy.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.trilateral.taxonomy.stix.StixJson;
import tools.jackson.databind.JsonNode;

/**
 * The project's shared fixtures (OASIS STIX 2.1 schemas and samples, published test vectors), found by one rule in
 * every module: the system property {@code shared.dir} (the build sets it to {@code ../shared} beside the project),
 * else the folder {@code shared} beside the project root, the nearest folder above the working directory that holds
 * {@code mvnw}. Tests that need a fixture skip, saying where it was looked for, when it is absent. Shared with the
 * other modules' tests as the taxonomy's test jar.
 */
public final class SharedFixtures {

    /** Where the fixtures come from, for every skip message. */
    public static final String WHERE = "the shared fixtures are the OASIS STIX 2.1 JSON schemas and samples"
            + " (github.com/oasis-open/cti-stix2-json-schemas, as stix2-json-schemas/) and the published test vectors"
            + " (test-vectors/), in a folder 'shared' beside the project or the folder given by -Dshared.dir=<folder>";

    /** Why a test skips when the OASIS schemas are absent. */
    public static final String ABSENT = "shared/stix2-json-schemas is absent: skipping; " + WHERE;

    private static volatile boolean announced;

    private SharedFixtures() {
    }

    /** The shared folder, when it exists; the first time it does not, says so on the console, once per JVM. */
    public static Optional<Path> root() {
        String configured = System.getProperty("shared.dir");
        Path shared = configured != null && !configured.isBlank() ? Path.of(configured) : besideProject();
        if (Files.isDirectory(shared)) {
            return Optional.of(shared.toAbsolutePath().normalize());
        }
        if (!announced) {
            announced = true;
            System.err.println("Tests that need shared fixtures are skipped: " + shared.toAbsolutePath().normalize()
                    + " does not exist; " + WHERE);
        }
        return Optional.empty();
    }

    /** {@code relative} inside the shared folder, when it exists. */
    public static Optional<Path> find(String relative) {
        return root().map(root -> root.resolve(relative)).filter(Files::exists);
    }

    /** The shared folder; the calling test is skipped with a message when it is missing. */
    public static Path sharedDir() {
        Optional<Path> root = root();
        Assumptions.assumeTrue(root.isPresent(), "shared fixtures not found: " + WHERE);
        return root.get();
    }

    /** A path inside the shared folder; the calling test is skipped when it is missing. */
    public static Path shared(String relative) {
        Path path = sharedDir().resolve(relative);
        Assumptions.assumeTrue(Files.exists(path), "shared fixture missing: " + path + "; " + WHERE);
        return path;
    }

    /**
     * Every STIX object in the OASIS samples ({@code stix2-json-schemas/examples/} recursively, and {@code interop/}):
     * the members of each bundle, or the file itself when it is a single object; JSON Schema files (the interop
     * profiles are schemas, not bundles) contribute nothing. Each key is "file#index id" of the object. The calling
     * test is skipped when the samples are absent.
     */
    public static Map<String, JsonNode> oasisSamples() {
        Path root = shared("stix2-json-schemas");
        Map<String, JsonNode> objects = new LinkedHashMap<>();
        for (String folder : List.of("examples", "interop")) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(root.resolve(folder))) {
                files = walk.filter(f -> f.toString().endsWith(".json")).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
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

    private static Path besideProject() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("mvnw"))) {
                return dir.resolveSibling("shared");
            }
        }
        return Path.of("..", "shared");
    }
}
