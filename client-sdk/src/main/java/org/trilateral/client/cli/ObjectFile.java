package org.trilateral.client.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.trilateral.taxonomy.stix.StixJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;

/**
 * The objects of a file {@code exchange verify} reads, one at a time: JSON lines (as {@code poll} writes), or STIX
 * bundles whose objects are taken in order; any sequence of JSON values separated by whitespace. Parsed with the
 * exchange's strict mapper. A JSON-lines file is read as a stream, so memory does not grow with its length; a bundle is
 * one JSON value and is read whole.
 */
final class ObjectFile implements Iterator<JsonNode>, AutoCloseable {

    private final InputStream input;
    private final MappingIterator<JsonNode> values;
    private Iterator<JsonNode> bundle;

    private ObjectFile(InputStream input, MappingIterator<JsonNode> values) {
        this.input = input;
        this.values = values;
    }

    static ObjectFile open(Path file) throws IOException {
        InputStream input = Files.newInputStream(file);
        return new ObjectFile(input, StixJson.mapper().readerFor(JsonNode.class).readValues(input));
    }

    @Override
    public boolean hasNext() {
        while (bundle == null || !bundle.hasNext()) {
            bundle = null;
            if (!values.hasNext()) {
                return false;
            }
            JsonNode value = values.next();
            JsonNode objects = value.get("objects");
            if (value.path("type").asString("").equals("bundle") && objects != null && objects.isArray()) {
                bundle = objects.values().iterator();
            } else {
                bundle = List.of(value).iterator();
            }
        }
        return true;
    }

    @Override
    public JsonNode next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more objects in the file");
        }
        return bundle.next();
    }

    @Override
    public void close() throws IOException {
        values.close();
        input.close();
    }
}
