package org.trilateral.client.internal;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.trilateral.client.ServerException;
import org.trilateral.taxonomy.stix.StixJson;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Reads a TAXII envelope (TAXII 2.1 §3.7) in one streaming pass, without building a tree: each element of
 * {@code objects} is kept as the exact bytes the exchange sent, ready to be written as one JSON line, plus the
 * envelope's {@code more} and {@code next}. The parser is the exchange's strict one (duplicate member names and
 * trailing content refused), so what is kept is well-formed I-JSON. An object whose bytes hold a line break (a
 * pretty-printing server) is re-written on one line. Stateless and thread-safe.
 */
public final class EnvelopeReader {

    /** An envelope: its objects as one-line JSON texts, in order, and where the next page starts. */
    public record Envelope(List<byte[]> objects, boolean more, String next) {
    }

    private EnvelopeReader() {
    }

    /**
     * @throws ServerException when the body is not one JSON object of the envelope's shape, or {@code more} is true
     *     without a {@code next}
     */
    public static Envelope read(byte[] body, URI uri) {
        List<byte[]> objects = new ArrayList<>();
        boolean more = false;
        String next = null;
        try (JsonParser parser = StixJson.mapper().createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw malformed(uri, "is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("objects")) {
                    if (value != JsonToken.START_ARRAY) {
                        throw malformed(uri, "has an \"objects\" that is not an array");
                    }
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        if (!parser.hasToken(JsonToken.START_OBJECT)) {
                            throw malformed(uri, "has an element of \"objects\" that is not a JSON object");
                        }
                        int start = (int) parser.currentTokenLocation().getByteOffset();
                        parser.skipChildren();
                        int end = (int) parser.currentTokenLocation().getByteOffset() + 1;
                        objects.add(oneLine(body, start, end));
                    }
                } else if (name.equals("more")) {
                    more = value == JsonToken.VALUE_TRUE;
                } else if (name.equals("next")) {
                    next = value == JsonToken.VALUE_STRING ? parser.getString() : null;
                } else {
                    parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                throw malformed(uri, "has content after the envelope");
            }
        } catch (JacksonException e) {
            throw new ServerException("the envelope from " + uri + " is not valid JSON (" + e.getOriginalMessage() + ")", e);
        }
        if (more && next == null) {
            throw malformed(uri, "says more objects follow but gives no next (TAXII 2.1 §3.4)");
        }
        return new Envelope(objects, more, next);
    }

    /** The bytes of one object; inside a JSON text a line break can only be whitespace between tokens (RFC 8259 §7). */
    private static byte[] oneLine(byte[] body, int start, int end) {
        for (int i = start; i < end; i++) {
            if (body[i] == '\n' || body[i] == '\r') {
                ByteArrayOutputStream compact = new ByteArrayOutputStream(end - start);
                StixJson.mapper().writeValue(compact, StixJson.mapper().readTree(
                        Arrays.copyOfRange(body, start, end)));
                return compact.toByteArray();
            }
        }
        return Arrays.copyOfRange(body, start, end);
    }

    private static ServerException malformed(URI uri, String problem) {
        return new ServerException("the envelope from " + uri + " " + problem, (Throwable) null);
    }
}
