package org.trilateral.client;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import org.trilateral.taxonomy.stix.StixJson;
import tools.jackson.databind.JsonNode;

/**
 * One page of a collection's objects (TAXII 2.1 §3.4), each kept as the exact JSON text the exchange sent, on one
 * line: written out as JSON lines without being parsed into a tree and serialised again. The list is unmodifiable;
 * the byte arrays are the page's own and must not be changed.
 *
 * @param collection the collection it was read from, as requested
 * @param objects each object's JSON text (UTF-8, no line break), in the exchange's order
 */
public record ObjectPage(String collection, List<byte[]> objects) {

    public ObjectPage {
        Objects.requireNonNull(collection, "collection");
        objects = List.copyOf(objects);
    }

    /** How many objects the page holds. */
    public int size() {
        return objects.size();
    }

    /** The {@code i}-th object, parsed with the exchange's mapper (exact decimals, no duplicate names). */
    public ReceivedObject object(int i) {
        return new ReceivedObject(collection, StixJson.mapper().readTree(objects.get(i)));
    }

    /** Writes each object as one line (JSON lines), as received. */
    public void writeJsonLines(OutputStream out) throws IOException {
        for (byte[] object : objects) {
            out.write(object);
            out.write('\n');
        }
    }

    /** The objects as a list of trees, for callers that want them (e.g. to verify the page). */
    public List<JsonNode> trees() {
        return IntStream.range(0, size()).mapToObj(i -> object(i).object()).toList();
    }
}
