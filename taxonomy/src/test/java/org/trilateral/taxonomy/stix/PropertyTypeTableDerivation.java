package org.trilateral.taxonomy.stix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Derives the property type table ({@code stix21-property-types.json}, read by {@link PropertyTypes}) from the OASIS
 * STIX 2.1 JSON schemas in ../shared/stix2-json-schemas/schemas. The exchange does not read the schemas at run time;
 * {@code PropertyTypesTest} derives the table again and proves the committed copy equal to it.
 *
 * <p>What it keeps, per property of every object type and of every object nested in one: the JSON types allowed,
 * {@code enum}, {@code pattern} (and {@code not} pattern/enum), numeric and length bounds, list items, the named
 * formats of the common schemas (timestamp, identifier, hex, binary, hashes, dictionary, url) and nested objects
 * as structs with their own properties, {@code required}, {@code minProperties}, pattern properties, closed
 * property sets, and {@code anyOf}/{@code oneOf} groups made only of {@code required}. Object-level rules the
 * schemas write with {@code not}, {@code if}/{@code then} or mixed {@code oneOf} branches (for example artifact's
 * payload_bin xor url) are not kept: {@link TypeSpecificRules} writes them by hand.
 */
final class PropertyTypeTableDerivation {

    /** The common schemas that become a named format instead of a struct. */
    private static final Map<String, String> FORMATS = Map.of(
            "common/timestamp.json", "timestamp",
            "common/identifier.json", "identifier",
            "common/hex.json", "hex",
            "common/binary.json", "binary",
            "common/hashes-type.json", "hashes",
            "common/dictionary.json", "dictionary",
            "common/url-regex.json", "url");

    /** Common schemas that become shared structs, by struct name. */
    private static final Map<String, String> SHARED_STRUCTS = Map.of(
            "common/core.json", "core",
            "common/cyber-observable-core.json", "sco-core",
            "common/external-reference.json", "external-reference",
            "common/kill-chain-phase.json", "kill-chain-phase",
            "common/granular-marking.json", "granular-marking",
            "common/extension.json", "extension-definition-entry");

    private final Path schemas;
    private final Map<String, JsonNode> files = new TreeMap<>();
    private final Map<String, ObjectNode> structs = new TreeMap<>();

    private PropertyTypeTableDerivation(Path schemas) {
        this.schemas = schemas;
    }

    /** The table derived from the schemas under {@code schemas} (the folder holding common/, sdos/, …). */
    static ObjectNode derive(Path schemas) {
        return new PropertyTypeTableDerivation(schemas).run();
    }

    /**
     * The table as the committed resource writes it: one struct per line group, one property per line, so that a
     * change of the schemas shows as a readable diff.
     */
    static String render(ObjectNode table) {
        StringBuilder out = new StringBuilder("{\n");
        out.append("\"source\": ").append(StixJson.mapper().writeValueAsString(table.get("source"))).append(",\n");
        out.append("\"structs\": {\n");
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(table.get("structs").properties());
        for (int i = 0; i < entries.size(); i++) {
            ObjectNode struct = (ObjectNode) entries.get(i).getValue();
            out.append(StixJson.mapper().writeValueAsString(entries.get(i).getKey())).append(": {");
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, JsonNode> field : struct.properties()) {
                if (!field.getKey().equals("properties")) {
                    parts.add(StixJson.mapper().writeValueAsString(field.getKey()) + ": "
                            + StixJson.mapper().writeValueAsString(field.getValue()));
                }
            }
            JsonNode properties = struct.get("properties");
            if (properties != null) {
                StringBuilder props = new StringBuilder("\"properties\": {");
                List<Map.Entry<String, JsonNode>> list = new ArrayList<>(properties.properties());
                for (int j = 0; j < list.size(); j++) {
                    props.append("\n  ").append(StixJson.mapper().writeValueAsString(list.get(j).getKey())).append(": ")
                            .append(StixJson.mapper().writeValueAsString(list.get(j).getValue()))
                            .append(j + 1 < list.size() ? "," : "");
                }
                parts.add(props.append("}").toString());
            }
            out.append(String.join(", ", parts)).append("}").append(i + 1 < entries.size() ? ",\n" : "\n");
        }
        return out.append("}\n}\n").toString();
    }

    private ObjectNode run() {
        for (Map.Entry<String, String> shared : SHARED_STRUCTS.entrySet()) {
            sharedStruct(shared.getKey());
        }
        for (String folder : List.of("sdos", "sros", "observables")) {
            for (String file : list(folder)) {
                topLevel(file);
            }
        }
        for (String meta : List.of("marking-definition", "language-content", "extension-definition")) {
            topLevel("common/" + meta + ".json");
        }
        ObjectNode table = StixJson.mapper().createObjectNode();
        table.put("source", "oasis-open/cti-stix2-json-schemas (../shared/stix2-json-schemas/PROVENANCE.md); derived by "
                + "PropertyTypeTableDerivation, checked by PropertyTypesTest: do not edit by hand");
        ObjectNode out = table.putObject("structs");
        structs.forEach(out::set);
        return table;
    }

    private List<String> list(String folder) {
        try (Stream<Path> walk = Files.list(schemas.resolve(folder))) {
            return walk.map(p -> folder + "/" + p.getFileName()).filter(f -> f.endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode load(String file) {
        return files.computeIfAbsent(file, f -> {
            try {
                return StixJson.mapper().readTree(Files.readString(schemas.resolve(f)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read schema " + f, e);
            }
        });
    }

    private static String typeOf(String file) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        return name.substring(0, name.length() - ".json".length());
    }

    private void topLevel(String file) {
        String name = typeOf(file);
        if (structs.containsKey(name)) {
            return;
        }
        ObjectNode struct = newStruct(name);
        object(load(file), file, struct, name);
    }

    private String sharedStruct(String file) {
        String name = SHARED_STRUCTS.get(file);
        if (!structs.containsKey(name)) {
            ObjectNode struct = newStruct(name);
            object(load(file), file, struct, name);
        }
        return name;
    }

    private ObjectNode newStruct(String name) {
        ObjectNode struct = StixJson.mapper().createObjectNode();
        structs.put(name, struct);
        return struct;
    }

    /** A {@code $ref} relative to {@code file}: the referenced file (and a {@code #/definitions/…} part). */
    private record Ref(String file, String definition) {
    }

    private static Ref resolve(String file, String ref) {
        int hash = ref.indexOf('#');
        String target = hash < 0 ? ref : ref.substring(0, hash);
        String definition = hash < 0 ? null : ref.substring(hash + 1).replace("/definitions/", "");
        if (target.isEmpty()) {
            return new Ref(file, definition);
        }
        String resolved = Path.of(file).getParent().resolve(target).normalize().toString().replace('\\', '/');
        return new Ref(resolved, definition);
    }

    private JsonNode definition(Ref ref) {
        JsonNode document = load(ref.file());
        return ref.definition() == null ? document : document.path("definitions").path(ref.definition());
    }

    /** Adds what {@code schema} says about an object's members to {@code struct}. */
    private void object(JsonNode schema, String file, ObjectNode struct, String name) {
        JsonNode ref = schema.get("$ref");
        if (ref != null) {
            Ref target = resolve(file, ref.stringValue());
            if (target.definition() == null && SHARED_STRUCTS.containsKey(target.file())) {
                struct.put("parent", sharedStruct(target.file()));
            } else if (target.definition() == null && target.file().equals("common/properties.json")) {
                struct.put("custom_properties", true);
            } else if (target.definition() == null && target.file().equals("common/dictionary.json")) {
                struct.put("dictionary", true);
            } else {
                object(definition(target), target.file(), struct, name);
            }
        }
        for (JsonNode branch : schema.path("allOf")) {
            object(branch, file, struct, name);
        }
        JsonNode properties = schema.get("properties");
        if (properties != null) {
            ObjectNode into = struct.has("properties") ? (ObjectNode) struct.get("properties") : struct.putObject("properties");
            for (Map.Entry<String, JsonNode> property : properties.properties()) {
                ObjectNode spec = into.has(property.getKey()) ? (ObjectNode) into.get(property.getKey())
                        : StixJson.mapper().createObjectNode();
                apply(property.getValue(), file, name + "/" + property.getKey(), spec);
                into.set(property.getKey(), spec);
            }
        }
        JsonNode patterns = schema.get("patternProperties");
        if (patterns != null) {
            ObjectNode into = struct.has("pattern_properties") ? (ObjectNode) struct.get("pattern_properties")
                    : struct.putObject("pattern_properties");
            for (Map.Entry<String, JsonNode> pattern : patterns.properties()) {
                ObjectNode spec = StixJson.mapper().createObjectNode();
                apply(pattern.getValue(), file, name + "/" + label(pattern.getKey()), spec);
                into.set(pattern.getKey(), spec);
            }
        }
        JsonNode additional = schema.get("additionalProperties");
        if (additional != null) {
            if (additional.isBoolean()) {
                struct.put("additional", additional.booleanValue());
            } else {
                ObjectNode spec = StixJson.mapper().createObjectNode();
                apply(additional, file, name + "/*", spec);
                struct.set("additional", spec);
            }
        }
        if (schema.has("required")) {
            ArrayNode required = struct.has("required") ? (ArrayNode) struct.get("required") : struct.putArray("required");
            schema.get("required").forEach(r -> {
                if (!contains(required, r.stringValue())) {
                    required.add(r.stringValue());
                }
            });
        }
        if (schema.has("minProperties")) {
            struct.put("min_properties", schema.get("minProperties").intValue());
        }
        for (String group : List.of("anyOf", "oneOf")) {
            JsonNode branches = schema.get(group);
            if (branches != null && onlyRequired(branches)) {
                ArrayNode alternatives = StixJson.mapper().createArrayNode();
                branches.forEach(b -> alternatives.add(b.get("required").deepCopy()));
                String key = group.equals("anyOf") ? "any_of_required" : "one_of_required";
                (struct.has(key) ? (ArrayNode) struct.get(key) : struct.putArray(key)).add(alternatives);
            }
        }
    }

    private static boolean contains(ArrayNode array, String value) {
        for (JsonNode element : array) {
            if (element.stringValue().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean onlyRequired(JsonNode branches) {
        for (JsonNode branch : branches) {
            if (branch.size() != 1 || !branch.has("required")) {
                return false;
            }
        }
        return true;
    }

    /** A readable struct-name part for a pattern property: the literal name of {@code ^ntfs-ext$}, else "*". */
    private static String label(String regex) {
        String literal = regex.replace("^", "").replace("$", "");
        return literal.matches("[a-z0-9_-]+") ? literal : "*";
    }

    /** Adds what {@code schema} says about one value to {@code spec}. */
    private void apply(JsonNode schema, String file, String path, ObjectNode spec) {
        JsonNode ref = schema.get("$ref");
        if (ref != null) {
            Ref target = resolve(file, ref.stringValue());
            String format = target.definition() == null ? FORMATS.get(target.file()) : null;
            if (format != null) {
                spec.put("format", format);
            } else if (target.definition() == null && SHARED_STRUCTS.containsKey(target.file())) {
                spec.put("struct", sharedStruct(target.file()));
            } else if (target.definition() == null && target.file().startsWith("observables/")) {
                spec.put("format", "sco");
            } else if (target.definition() == null && target.file().equals("common/properties.json")) {
                String name = spec.has("struct") ? spec.get("struct").stringValue() : path;
                (structs.containsKey(name) ? structs.get(name) : newStruct(name)).put("custom_properties", true);
                spec.put("struct", name);
            } else if (target.definition() != null && isObject(definition(target))) {
                String name = typeOf(target.file()) + "#" + target.definition();
                if (!structs.containsKey(name)) {
                    ObjectNode struct = newStruct(name);
                    object(definition(target), target.file(), struct, name);
                }
                putType(spec, "object");
                spec.put("struct", name);
            } else {
                apply(definition(target), target.file(), path, spec);
            }
        }
        for (JsonNode branch : schema.path("allOf")) {
            apply(branch, file, path, spec);
        }
        JsonNode type = schema.get("type");
        if (type != null) {
            if (type.isArray()) {
                type.forEach(t -> putType(spec, t.stringValue()));
            } else {
                putType(spec, type.stringValue());
            }
        }
        if (schema.has("enum")) {
            spec.set("enum", schema.get("enum").deepCopy());
        }
        if (schema.has("const")) {
            spec.putArray("enum").add(schema.get("const").deepCopy());
        }
        if (schema.has("pattern")) {
            (spec.has("pattern") ? (ArrayNode) spec.get("pattern") : spec.putArray("pattern")).add(schema.get("pattern").stringValue());
        }
        JsonNode not = schema.get("not");
        if (not != null && not.has("pattern") && not.size() == 1) {
            (spec.has("not_pattern") ? (ArrayNode) spec.get("not_pattern") : spec.putArray("not_pattern")).add(not.get("pattern").stringValue());
        }
        if (not != null && not.has("enum") && not.size() == 1) {
            spec.set("not_enum", not.get("enum").deepCopy());
        }
        for (String bound : List.of("minimum", "maximum", "minLength", "maxLength", "minItems")) {
            if (schema.has(bound)) {
                spec.set(snake(bound), schema.get(bound).deepCopy());
            }
        }
        if (schema.has("propertyNames") && schema.get("propertyNames").has("pattern")) {
            spec.put("key_pattern", schema.get("propertyNames").get("pattern").stringValue());
        }
        if (schema.has("items")) {
            ObjectNode items = StixJson.mapper().createObjectNode();
            apply(schema.get("items"), file, path + "[]", items);
            spec.set("items", items);
        }
        if (schema.has("properties") || schema.has("patternProperties") || schema.has("additionalProperties")
                || schema.has("minProperties")) {
            String name = spec.has("struct") ? spec.get("struct").stringValue() : path;
            ObjectNode struct = structs.containsKey(name) ? structs.get(name) : newStruct(name);
            ObjectNode own = StixJson.mapper().createObjectNode();
            schema.properties().forEach(e -> {
                if (!e.getKey().equals("allOf") && !e.getKey().equals("$ref") && !e.getKey().equals("items")) {
                    own.set(e.getKey(), e.getValue());
                }
            });
            object(own, file, struct, name);
            spec.put("struct", name);
        }
        for (String group : List.of("anyOf", "oneOf")) {
            JsonNode branches = schema.get(group);
            if (branches == null || onlyRequired(branches)) {
                continue;
            }
            boolean observables = false;
            for (JsonNode branch : branches) {
                observables |= branch.path("$ref").asString("").contains("observables/");
            }
            if (observables) {
                spec.put("format", "sco");
                continue;
            }
            ArrayNode alternatives = spec.putArray("any_of");
            int i = 0;
            for (JsonNode branch : branches) {
                ObjectNode alternative = StixJson.mapper().createObjectNode();
                apply(branch, file, path + "|" + i++, alternative);
                alternatives.add(alternative);
            }
            spec.put("exactly_one", group.equals("oneOf"));
        }
    }

    private static boolean isObject(JsonNode schema) {
        return "object".equals(schema.path("type").asString("")) || schema.has("properties") || schema.has("patternProperties");
    }

    private static void putType(ObjectNode spec, String type) {
        ArrayNode types = spec.has("type") ? (ArrayNode) spec.get("type") : spec.putArray("type");
        if (!contains(types, type)) {
            types.add(type);
        }
    }

    private static String snake(String camel) {
        return camel.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
    }
}
