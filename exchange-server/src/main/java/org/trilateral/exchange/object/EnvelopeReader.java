package org.trilateral.exchange.object;

import java.nio.charset.StandardCharsets;
import org.trilateral.exchange.error.JsonSyntax;
import java.util.ArrayList;
import java.util.List;
import org.trilateral.exchange.taxii.TaxiiException;
import org.trilateral.exchange.taxii.TaxiiSection;
import org.trilateral.taxonomy.stix.StixJson;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;

/**
 * Reads a TAXII 2.1 envelope (§3.7) from a request body in one streaming pass, keeping each object's exact
 * bytes next to its parsed tree. Duplicate member names anywhere are refused (RFC 8259 §4 leaves them
 * undefined; RFC 8785 needs I-JSON), as is anything after the envelope.
 */
final class EnvelopeReader {

    /** Reads one object inside the stream; the envelope, not each object, is checked for trailing content. */
    private static final ObjectReader ELEMENT_READER =
            StixJson.mapper().reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final int maxObjects;

    EnvelopeReader(int maxObjects) {
        this.maxObjects = maxObjects;
    }

    List<ReceivedObject> read(byte[] body) {
        List<ReceivedObject> objects = new ArrayList<>();
        boolean sawObjects = false;
        try (JsonParser parser = StixJson.mapper().createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw TaxiiException.badRequest(TaxiiSection.ENVELOPE, "the request body must be a TAXII envelope: a JSON object with an 'objects' list");
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (!name.equals("objects")) {
                    parser.skipChildren();
                    continue;
                }
                sawObjects = true;
                if (value != JsonToken.START_ARRAY) {
                    throw TaxiiException.badRequest(TaxiiSection.ENVELOPE, "the envelope's 'objects' must be a list");
                }
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    if (objects.size() == maxObjects) {
                        throw TaxiiException.tooLarge("the envelope holds more than " + maxObjects
                                + " objects, the most this exchange accepts in one request");
                    }
                    int start = (int) parser.currentTokenLocation().getByteOffset();
                    JsonNode tree = ELEMENT_READER.readTree(parser);
                    int end = (int) parser.currentLocation().getByteOffset();
                    objects.add(new ReceivedObject(objects.size(), tree,
                            new String(body, start, end - start, StandardCharsets.UTF_8)));
                }
            }
            if (parser.nextToken() != null) {
                throw TaxiiException.badRequest(TaxiiSection.ENVELOPE, "the request body has content after the envelope");
            }
        } catch (JacksonException e) {
            throw TaxiiException.badRequest(TaxiiSection.ENVELOPE, "the request body is not valid JSON: " + JsonSyntax.describe(e));
        }
        if (!sawObjects) {
            throw TaxiiException.badRequest(TaxiiSection.ENVELOPE, "the envelope has no 'objects' list");
        }
        return objects;
    }
}
