package org.trilateral.integrity.log;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Strict readers of leaf members: a missing member or one of the wrong type is a {@link LeafFormatException}. */
final class Json {

    private Json() {
    }

    static String text(JsonNode node, String member) {
        JsonNode value = node.get(member);
        if (value == null || !value.isString()) {
            throw new LeafFormatException("\"" + member + "\" is missing or not a string");
        }
        return value.stringValue();
    }

    static Optional<String> optionalText(JsonNode node, String member) {
        JsonNode value = node.get(member);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isString()) {
            throw new LeafFormatException("\"" + member + "\" is not a string");
        }
        return Optional.of(value.stringValue());
    }

    static long number(JsonNode node, String member) {
        JsonNode value = node.get(member);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0) {
            throw new LeafFormatException("\"" + member + "\" is missing or not a non-negative integer");
        }
        return value.asLong();
    }

    static byte[] base64(JsonNode node, String member, int length) {
        return decode(text(node, member), member, length);
    }

    static byte[] decode(String text, String what, int length) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new LeafFormatException("\"" + what + "\" is not standard base64", e);
        }
        if (length >= 0 && bytes.length != length) {
            throw new LeafFormatException("\"" + what + "\" is " + bytes.length + " bytes, not " + length);
        }
        return bytes;
    }

    static List<String> texts(JsonNode node, String member) {
        JsonNode value = node.get(member);
        if (value == null || !value.isArray()) {
            throw new LeafFormatException("\"" + member + "\" is missing or not a list");
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode element : value) {
            if (!element.isString()) {
                throw new LeafFormatException("\"" + member + "\" has an entry that is not a string");
            }
            texts.add(element.stringValue());
        }
        return texts;
    }

    static JsonNode object(JsonNode node, String member) {
        JsonNode value = node.get(member);
        if (value == null || !value.isObject()) {
            throw new LeafFormatException("\"" + member + "\" is missing or not an object");
        }
        return value;
    }

    static void requireVersion(JsonNode leaf, String kind) {
        if (!leaf.isObject()) {
            throw new LeafFormatException("a leaf is a JSON object");
        }
        if (leaf.path("v").asInt(-1) != LogLeaf.VERSION || !kind.equals(leaf.path("kind").asString(""))) {
            throw new LeafFormatException("the leaf is not a version " + LogLeaf.VERSION + " \"" + kind + "\" leaf");
        }
    }
}
