package org.trilateral.taxonomy.stix;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.trilateral.taxonomy.testing.SharedFixtures;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The committed property type table is exactly what the OASIS STIX 2.1 schemas say: derived afresh from
 * ../shared/stix2-json-schemas it renders to the same bytes. When the schemas change, the test fails and writes the new
 * table to target/ for review and commit.
 */
class PropertyTypesTest {

    private static final String RESOURCE = "stix21-property-types.json";

    @Test
    void tableWhenDerivedFromTheOasisSchemasThenEqualsTheCommittedTable() throws IOException {
        ObjectNode derived = PropertyTypeTableDerivation.derive(SharedFixtures.shared("stix2-json-schemas/schemas"));
        String rendered = PropertyTypeTableDerivation.render(derived);

        String committed = committed();
        if (!committed.equals(rendered)) {
            Path fresh = Path.of("target", RESOURCE);
            Files.writeString(fresh, rendered);
            assertThat(committed).as("the committed table differs from the schemas; review %s and copy it to "
                    + "src/main/resources/org/trilateral/taxonomy/stix/", fresh.toAbsolutePath()).isEqualTo(rendered);
        }
    }

    @Test
    void tableWhenLoadedThenCoversEveryTypeStixDefines() {
        for (String type : definedTypes()) {
            assertThat(PropertyTypes.STIX_21.struct(type)).as("struct of %s", type).isNotNull();
        }
        assertThat(PropertyTypes.STIX_21.struct("core")).isNotNull();
        assertThat(PropertyTypes.STIX_21.struct("sco-core")).isNotNull();
    }

    /** The hand-written catalog of required properties asks for at least what each schema (and its core) requires. */
    @Test
    void catalogWhenComparedWithTheSchemasThenRequiresEverythingTheyRequire() throws IOException {
        JsonNode table = StixJson.mapper().readTree(committed());
        List<String> missing = new ArrayList<>();
        for (String type : definedTypes()) {
            StixObjectClass objectClass = StixTypeCatalog.classOf(type);
            List<String> catalog = StixTypeCatalog.requiredProperties(type, objectClass);
            for (JsonNode struct = table.get("structs").get(type); struct != null;
                 struct = struct.has("parent") ? table.get("structs").get(struct.get("parent").stringValue()) : null) {
                for (JsonNode required : struct.path("required")) {
                    if (!catalog.contains(required.stringValue())) {
                        missing.add(type + "." + required.stringValue());
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    private static Set<String> definedTypes() {
        Set<String> types = new TreeSet<>();
        types.addAll(StixTypeCatalog.SDO_TYPES);
        types.addAll(StixTypeCatalog.SRO_TYPES);
        types.addAll(StixTypeCatalog.SCO_TYPES);
        types.addAll(StixTypeCatalog.META_TYPES);
        return types;
    }

    private static String committed() throws IOException {
        try (InputStream in = PropertyTypes.class.getResourceAsStream(RESOURCE)) {
            assertThat(in).as(RESOURCE + " on the classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
