package org.trilateral.exchange.object;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.trilateral.exchange.taxii.TaxiiException;
import org.trilateral.exchange.taxii.TaxiiProperties;
import org.trilateral.exchange.taxii.TaxiiSection;
import org.trilateral.integrity.jcs.StrictJson;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a TAXII 2.1 envelope (§3.7) from a request body in one streaming pass, keeping each object's exact
 * bytes next to its parsed tree. Duplicate member names anywhere are refused (RFC 8259 §4 leaves them
 * undefined; RFC 8785 needs I-JSON), as is anything after the envelope.
 *
 * <p>The reader's limits ({@code exchange.taxii.limits.max-nesting-depth}, {@code max-string-length},
 * {@code max-number-length}, {@code max-name-length}; the document length is {@code max-content-length}) bound the work
 * of parsing and of every later walk of the trees it gives out. A body over one, or not JSON at all, is a 400 naming
 * what is wrong and where: line, column and JSON pointer, in words rather than the JSON library's.
 */
final class EnvelopeReader {

    private static final String PREFIX = "exchange.taxii.limits.";

    /** The JSON library's way of writing a character in messages: {@code '}' (code 125)}. */
    private static final Pattern CHARACTER_CODE = Pattern.compile(" \\(code \\d+\\)");

    private final int maxObjects;
    private final TaxiiProperties.Limits limits;
    private final JsonMapper mapper;
    /** Reads one object inside the stream; the envelope, not each object, is checked for trailing content. */
    private final ObjectReader elementReader;

    EnvelopeReader(TaxiiProperties.Limits limits) {
        this.limits = limits;
        this.maxObjects = limits.maxObjectsPerEnvelope();
        this.mapper = StrictJson.mapper(StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxNestingDepth())
                .maxStringLength(limits.maxStringLength())
                .maxNumberLength(limits.maxNumberLength())
                .maxNameLength(limits.maxNameLength())
                .maxDocumentLength(limits.maxContentLength().toBytes())
                .build());
        this.elementReader = mapper.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    List<ReceivedObject> read(byte[] body) {
        JsonParser parser;
        try {
            parser = mapper.createParser(body);
        } catch (StreamConstraintsException e) {
            throw TaxiiException.tooLarge("the request body of " + body.length + " bytes is larger than "
                    + limits.maxContentLength().toBytes() + " bytes, the limit " + PREFIX + "max-content-length");
        }
        // Caught inside: closing the parser would lose the position where it stopped.
        try (parser) {
            try {
                return read(parser, body);
            } catch (StreamConstraintsException e) {
                throw TaxiiException.badRequest(TaxiiSection.ENVELOPE, overLimit(e) + " " + where(parser, e));
            } catch (JacksonException e) {
                throw TaxiiException.badRequest(TaxiiSection.ENVELOPE, "the request body is not valid JSON " + where(parser, e) + ": " + reason(e));
            }
        }
    }

    private List<ReceivedObject> read(JsonParser parser, byte[] body) {
        List<ReceivedObject> objects = new ArrayList<>();
        boolean sawObjects = false;
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
                JsonNode tree = elementReader.readTree(parser);
                int end = (int) parser.currentLocation().getByteOffset();
                objects.add(new ReceivedObject(objects.size(), tree,
                        new String(body, start, end - start, StandardCharsets.UTF_8)));
            }
        }
        if (parser.nextToken() != null) {
            throw TaxiiException.badRequest(TaxiiSection.ENVELOPE, "the request body has content after the envelope");
        }
        if (!sawObjects) {
            throw TaxiiException.badRequest(TaxiiSection.ENVELOPE, "the envelope has no 'objects' list");
        }
        return objects;
    }

    /** Which of the reader's limits the body crossed, named as it is configured. */
    private String overLimit(StreamConstraintsException e) {
        String message = e.getOriginalMessage();
        if (message.startsWith("Document nesting depth")) {
            return "the request body nests arrays and objects more than " + limits.maxNestingDepth()
                    + " levels deep, the limit " + PREFIX + "max-nesting-depth,";
        }
        if (message.startsWith("String value length")) {
            return "a string in the request body is longer than " + limits.maxStringLength()
                    + " characters, the limit " + PREFIX + "max-string-length,";
        }
        if (message.startsWith("Number value length")) {
            return "a number in the request body is longer than " + limits.maxNumberLength()
                    + " characters, the limit " + PREFIX + "max-number-length,";
        }
        if (message.startsWith("Name length")) {
            return "a property name in the request body is longer than " + limits.maxNameLength()
                    + " characters, the limit " + PREFIX + "max-name-length,";
        }
        return "the request body is larger than the exchange reads (" + reason(e) + "),";
    }

    /**
     * {@code at line 3, column 17 (/objects/0/name)}: where the error is (else where the parser stopped), with the JSON
     * pointer to it.
     */
    private static String where(JsonParser parser, JacksonException e) {
        TokenStreamLocation location = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
        String pointer = parser.streamReadContext().pathAsPointer().toString();
        if (pointer.length() > 120) {
            pointer = pointer.substring(0, 117) + "...";
        }
        return "at line " + location.getLineNr() + ", column " + location.getColumnNr()
                + (pointer.isEmpty() ? "" : " (" + pointer + ")");
    }

    /** The parser's reason in plain words: without its token names, character codes and feature hints. */
    private static String reason(JacksonException e) {
        if (e instanceof UnexpectedEndOfInputException) {
            return "the body ends before the JSON is complete";
        }
        String message = e.getOriginalMessage();
        int hint = message.indexOf(" (`");
        if (hint < 0) {
            hint = message.indexOf("`");
        }
        if (hint >= 0) {
            message = message.substring(0, hint);
        }
        message = CHARACTER_CODE.matcher(message).replaceAll("");
        return message.isEmpty() ? message : Character.toLowerCase(message.charAt(0)) + message.substring(1);
    }
}
