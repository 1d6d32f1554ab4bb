package org.trilateral.exchange.support;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.trilateral.taxonomy.testing.SharedFixtures;
import tools.jackson.databind.JsonNode;

/**
 * Validates STIX objects against the OASIS STIX 2.1 JSON schemas in {@code shared/stix2-json-schemas}, resolving
 * the schemas' {@code $id} URLs to the local files.
 */
public final class StixSchemas {

    private static final String ID_PREFIX = "http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/";

    private final Path schemas;
    private final SchemaRegistry registry;
    private final Map<String, Optional<Schema>> byType = new ConcurrentHashMap<>();

    private StixSchemas(Path schemas) {
        this.schemas = schemas;
        this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemas(iri -> iri.startsWith(ID_PREFIX) ? read(schemas.resolve(iri.substring(ID_PREFIX.length()))) : null));
    }

    /** The schemas, when {@code shared/} is present. */
    public static Optional<StixSchemas> load() {
        return SharedFixtures.find("stix2-json-schemas/schemas").map(StixSchemas::new);
    }

    /** Schema errors of one object, or a single message when no schema covers its type. */
    public List<String> errors(JsonNode object) {
        String type = object.path("type").asString("");
        Optional<Schema> schema = byType.computeIfAbsent(type, this::schemaFor);
        if (schema.isEmpty()) {
            return List.of();
        }
        return schema.get().validate(object).stream().map(Error::toString).toList();
    }

    /** True when the OASIS schemas define {@code type}; custom types are checked by the exchange's own validator only. */
    public boolean covers(String type) {
        return byType.computeIfAbsent(type, this::schemaFor).isPresent();
    }

    private Optional<Schema> schemaFor(String type) {
        for (String folder : List.of("sdos", "sros", "observables", "common")) {
            if (Files.exists(schemas.resolve(folder).resolve(type + ".json"))) {
                return Optional.of(registry.getSchema(SchemaLocation.of(ID_PREFIX + folder + "/" + type + ".json")));
            }
        }
        return Optional.empty();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
