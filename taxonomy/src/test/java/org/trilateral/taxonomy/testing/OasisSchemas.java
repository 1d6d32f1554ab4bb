package org.trilateral.taxonomy.testing;

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
import tools.jackson.databind.JsonNode;

/**
 * The OASIS STIX 2.1 JSON schemas in shared/stix2-json-schemas/schemas, with their {@code $id} URLs mapped to the
 * local files so that no test goes to the network. Skips the calling test when the folder is absent.
 */
public final class OasisSchemas {

    private static final String ID_PREFIX = "http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/";

    private final SchemaRegistry registry;

    private OasisSchemas(Path schemas) {
        // The schemas' $id and $ref URLs point at GitHub; serve them from the local copy instead.
        this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemas(iri -> read(schemas, iri)));
    }

    private static String read(Path schemas, String iri) {
        if (!iri.startsWith(ID_PREFIX)) {
            return null;
        }
        try {
            return Files.readString(schemas.resolve(iri.substring(ID_PREFIX.length())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the local copy of " + iri, e);
        }
    }

    /** The schemas; skips the test with a message when shared/stix2-json-schemas is absent. */
    public static OasisSchemas load() {
        return new OasisSchemas(SharedFixtures.shared("stix2-json-schemas/schemas"));
    }

    /** Validation errors of {@code instance} against e.g. {@code sdos/indicator.json}; empty when valid. */
    public List<String> errors(String schemaPath, JsonNode instance) {
        Schema schema = registry.getSchema(SchemaLocation.of(ID_PREFIX + schemaPath));
        return schema.validate(instance).stream().map(Error::toString).toList();
    }

    /** Validation errors of {@code instance} against a JSON Schema given as a node (e.g. an exchange extension's). */
    public List<String> errorsAgainst(JsonNode schemaNode, JsonNode instance) {
        return registry.getSchema(schemaNode).validate(instance).stream().map(Error::toString).toList();
    }
}
