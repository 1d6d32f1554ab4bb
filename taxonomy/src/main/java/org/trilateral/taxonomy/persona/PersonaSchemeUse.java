package org.trilateral.taxonomy.persona;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The persona schemes an object uses: the {@code scheme} of a {@code persona-identifier}, also inside observed-data,
 * and every {@code persona-identifier:scheme} an indicator's pattern compares with. What a collection switched to
 * {@code v2-oprf-p256} checks to refuse new {@code v1-sha256} digests (docs/persona-identifiers.md §4.4). Stateless.
 */
public final class PersonaSchemeUse {

    // STIX 2.1 §9.3: a string literal is single-quoted, with \' and \\ as its only escapes.
    private static final Pattern IN_PATTERN =
            Pattern.compile("persona-identifier:scheme\\s*(?:=|!=|IN|LIKE|MATCHES)?\\s*\\(?\\s*'((?:[^'\\\\]|\\\\.)*)'");

    private PersonaSchemeUse() {
    }

    /** The schemes {@code object} uses, in the order found; empty when it names no persona identifier. */
    public static Set<String> schemesIn(JsonNode object) {
        Set<String> schemes = new LinkedHashSet<>();
        collect(object, schemes);
        JsonNode embedded = object.path("objects");
        if (embedded.isObject()) {
            embedded.forEach(inner -> collect(inner, schemes));
        }
        return schemes;
    }

    private static void collect(JsonNode object, Set<String> schemes) {
        String type = object.path("type").asString("");
        if (type.equals("persona-identifier") && object.path("scheme").isString()) {
            schemes.add(object.path("scheme").stringValue());
        }
        JsonNode pattern = object.path("pattern");
        if (type.equals("indicator") && pattern.isString()) {
            Matcher matcher = IN_PATTERN.matcher(pattern.stringValue());
            while (matcher.find()) {
                schemes.add(matcher.group(1).replace("\\'", "'").replace("\\\\", "\\"));
            }
        }
    }
}
