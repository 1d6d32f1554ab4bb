package org.trilateral.taxonomy.stix;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.trilateral.taxonomy.pattern.PatternLiteral;
import tools.jackson.databind.JsonNode;

/**
 * The type of every property of every object STIX 2.1 defines, and of every object nested in one (extensions,
 * external references, kill-chain phases, PE sections, …): JSON type, closed vocabulary, form, bounds, list items and
 * the properties of nested objects, as the OASIS STIX 2.1 JSON schemas state them. The table is
 * {@code stix21-property-types.json} beside this class, derived from the schemas in ../shared/stix2-json-schemas by
 * the tests ({@code PropertyTypeTableDerivation}), which also prove the committed table equal to a fresh derivation;
 * nothing reads the schemas at run time. Loaded once; every lookup is a hash-map access.
 *
 * <p>Three common schemas are implemented here rather than tabled, each a single linear pass: the rules for custom
 * properties (schemas/common/properties.json), dictionaries (dictionary.json) and hashes (hashes-type.json). The
 * schemas' regular expressions run only on strings of at most {@value #PATTERN_INPUT_LIMIT} characters: Java's
 * regular expressions recurse once per repetition of a group, and several of the schemas' expressions repeat groups.
 */
final class PropertyTypes {

    /** Longest string a schema regular expression is run on; a longer value of such a property is refused. */
    static final int PATTERN_INPUT_LIMIT = 1_000;

    private static final String RESOURCE = "stix21-property-types.json";

    /** The table of the OASIS STIX 2.1 schemas. */
    static final PropertyTypes STIX_21 = load();

    private enum JsonType {
        STRING("a string"), INTEGER("an integer"), NUMBER("a number"), BOOLEAN("true or false"), ARRAY("a list"),
        OBJECT("an object"), NULL("null");

        private final String description;

        JsonType(String description) {
            this.description = description;
        }

        static JsonType of(JsonNode node) {
            if (node.isString()) {
                return STRING;
            }
            if (node.isIntegralNumber()) {
                return INTEGER;
            }
            if (node.isNumber()) {
                return NUMBER;
            }
            if (node.isBoolean()) {
                return BOOLEAN;
            }
            if (node.isArray()) {
                return ARRAY;
            }
            return node.isObject() ? OBJECT : NULL;
        }

        boolean accepts(JsonType actual) {
            return this == actual || this == NUMBER && actual == INTEGER;
        }
    }

    /** A named form from the common schemas. */
    private enum Format {
        TIMESTAMP(JsonType.STRING), IDENTIFIER(JsonType.STRING), HEX(JsonType.STRING), BINARY(JsonType.STRING),
        URL(JsonType.STRING), HASHES(JsonType.OBJECT), DICTIONARY(JsonType.OBJECT), SCO(JsonType.OBJECT);

        private final JsonType type;

        Format(JsonType type) {
            this.type = type;
        }
    }

    /** The rules for one value. */
    private static final class Spec {
        Set<JsonType> types;
        Format format;
        List<String> enumValues;
        List<String> notEnum;
        List<Pattern> patterns = List.of();
        List<Pattern> notPatterns = List.of();
        BigDecimal minimum;
        BigDecimal maximum;
        int minLength = -1;
        int maxLength = -1;
        int minItems = -1;
        Pattern keyPattern;
        Spec items;
        String structName;
        Struct struct;
        List<Spec> anyOf;
        boolean exactlyOne;
    }

    /** The rules for the members of one JSON object. */
    static final class Struct {
        private final String name;
        private String parentName;
        private Struct parent;
        private boolean customProperties;
        private boolean dictionary;
        private final Map<String, Spec> properties = new HashMap<>();
        private final Map<Pattern, Spec> patternProperties = new LinkedHashMap<>();
        private Boolean additionalAllowed;
        private Spec additional;
        private List<String> required = List.of();
        private List<List<List<String>>> anyOfRequired = List.of();
        private List<List<List<String>>> oneOfRequired = List.of();
        private int minProperties;

        private Struct(String name) {
            this.name = name;
        }

        /** The groups of which at least one must be present in full, e.g. {@code [[region], [country], [latitude, longitude]]}. */
        List<List<List<String>>> anyOfRequired() {
            return anyOfRequired;
        }
    }

    private final Map<String, Struct> structs;

    private PropertyTypes(Map<String, Struct> structs) {
        this.structs = structs;
    }

    /** The struct of a type or nested object by its name in the table, or null. */
    Struct struct(String name) {
        return structs.get(name);
    }

    /**
     * Checks every property of a top-level {@code object} of {@code type}: the struct of its type when STIX 2.1 defines
     * it, else the common struct of its class. Required properties and one-of groups of the top level are left to
     * {@link StixTypeCatalog} and {@link TypeSpecificRules}, which word them for the object as a whole.
     */
    void check(String type, StixObjectClass objectClass, JsonNode object, Violations violations) {
        Struct struct = structs.get(type);
        if (struct == null) {
            struct = structs.get(objectClass == StixObjectClass.SCO ? "sco-core" : "core");
        }
        checkStruct(struct, object, "", violations, true);
    }

    private void checkStruct(Struct struct, JsonNode node, String path, Violations violations, boolean topLevel) {
        if (!topLevel) {
            for (Struct s = struct; s != null; s = s.parent) {
                objectRules(s, node, path, violations);
            }
        }
        boolean custom = false;
        boolean dictionary = false;
        for (Struct s = struct; s != null; s = s.parent) {
            custom |= s.customProperties;
            dictionary |= s.dictionary;
        }
        if (dictionary && node.isEmpty()) {
            violations.add(path, "must not be an empty dictionary");
        }
        for (Map.Entry<String, JsonNode> member : node.properties()) {
            String name = member.getKey();
            JsonNode value = member.getValue();
            String child = Violations.child(path, name);
            for (Struct s = struct; s != null; s = s.parent) {
                boolean matched = false;
                Spec named = s.properties.get(name);
                if (named != null) {
                    matched = true;
                    check(named, value, child, violations);
                }
                for (Map.Entry<Pattern, Spec> pattern : s.patternProperties.entrySet()) {
                    if (findBounded(pattern.getKey(), name)) {
                        matched = true;
                        check(pattern.getValue(), value, child, violations);
                    }
                }
                if (!matched && s.additional != null) {
                    check(s.additional, value, child, violations);
                } else if (!matched && Boolean.FALSE.equals(s.additionalAllowed)) {
                    violations.add(child, "is not a property STIX 2.1 allows here");
                }
            }
            if (custom) {
                customProperty(name, value, child, violations);
            }
            if (dictionary && !isDictionaryKey(name)) {
                violations.add(child, "is not a valid dictionary key (§2.6: at most 250 of a-z, A-Z, 0-9, '-' and '_')");
            }
        }
    }

    /** Required properties, at-least-one and exactly-one groups and the minimum size of a nested object. */
    private static void objectRules(Struct struct, JsonNode node, String path, Violations violations) {
        for (String required : struct.required) {
            if (!node.has(required)) {
                violations.add(Violations.child(path, required), "is required");
            }
        }
        for (List<List<String>> group : struct.anyOfRequired) {
            if (satisfied(group, node) == 0) {
                violations.add(path, "needs at least one of " + describe(group));
            }
        }
        for (List<List<String>> group : struct.oneOfRequired) {
            if (satisfied(group, node) != 1) {
                violations.add(path, "needs exactly one of " + describe(group));
            }
        }
        if (node.size() < struct.minProperties) {
            violations.add(path, "must not be empty");
        }
    }

    private static int satisfied(List<List<String>> group, JsonNode node) {
        int count = 0;
        for (List<String> alternative : group) {
            boolean all = true;
            for (String name : alternative) {
                all &= node.has(name);
            }
            count += all ? 1 : 0;
        }
        return count;
    }

    private static String describe(List<List<String>> group) {
        List<String> alternatives = new ArrayList<>();
        for (List<String> alternative : group) {
            alternatives.add(String.join(" with ", alternative));
        }
        return String.join(", ", alternatives);
    }

    private void check(Spec spec, JsonNode value, String path, Violations violations) {
        JsonType actual = JsonType.of(value);
        if (spec.anyOf != null && !anyOf(spec, value, path)) {
            violations.add(path, describeAlternatives(spec, actual));
            return;
        }
        JsonType implied = spec.format == null ? null : spec.format.type;
        if (spec.types != null && spec.types.stream().noneMatch(t -> t.accepts(actual))
                || implied != null && !implied.accepts(actual)) {
            Set<JsonType> expected = spec.types != null ? spec.types : EnumSet.of(implied);
            violations.add(path, "must be " + String.join(" or ", expected.stream().map(t -> t.description).toList())
                    + ", not " + actual.description);
            return;
        }
        switch (actual) {
            case STRING -> string(spec, value.stringValue(), path, violations);
            case INTEGER, NUMBER -> number(spec, value.decimalValue(), path, violations);
            case ARRAY -> {
                if (spec.minItems > value.size()) {
                    violations.add(path, "must have at least " + spec.minItems + " items");
                }
                if (spec.items != null) {
                    for (int i = 0; i < value.size(); i++) {
                        check(spec.items, value.get(i), Violations.index(path, i), violations);
                    }
                }
            }
            case OBJECT -> object(spec, value, path, violations);
            default -> {
            }
        }
    }

    private boolean anyOf(Spec spec, JsonNode value, String path) {
        int matches = 0;
        for (Spec alternative : spec.anyOf) {
            Violations scratch = new Violations();
            check(alternative, value, path, scratch);
            matches += scratch.isEmpty() ? 1 : 0;
        }
        return spec.exactlyOne ? matches == 1 : matches > 0;
    }

    private static String describeAlternatives(Spec spec, JsonType actual) {
        List<String> types = new ArrayList<>();
        for (Spec alternative : spec.anyOf) {
            if (alternative.types == null || alternative.patterns.size() + alternative.notPatterns.size() > 0
                    || alternative.format != null) {
                return "does not have a form STIX 2.1 allows here";
            }
            alternative.types.forEach(t -> types.add(t.description));
        }
        return "must be " + String.join(" or ", types) + ", not " + actual.description;
    }

    private static void string(Spec spec, String text, String path, Violations violations) {
        if (spec.enumValues != null && !spec.enumValues.contains(text)) {
            violations.add(path, "must be one of " + spec.enumValues + ", not '" + abbreviate(text) + "'");
            return;
        }
        if (spec.notEnum != null && spec.notEnum.contains(text)) {
            violations.add(path, "must not be '" + text + "'");
            return;
        }
        if (spec.minLength >= 0 && text.length() < spec.minLength || spec.maxLength >= 0 && text.length() > spec.maxLength) {
            violations.add(path, "must be " + spec.minLength + " to " + spec.maxLength + " characters long");
            return;
        }
        if (spec.format != null && !format(spec.format, text, path, violations)) {
            return;
        }
        if (!spec.patterns.isEmpty() || !spec.notPatterns.isEmpty()) {
            if (text.length() > PATTERN_INPUT_LIMIT) {
                violations.add(path, "is " + text.length() + " characters long, longer than the " + PATTERN_INPUT_LIMIT
                        + " characters the exchange checks against the form STIX 2.1 gives this property");
                return;
            }
            for (Pattern pattern : spec.patterns) {
                if (!pattern.matcher(text).find()) {
                    violations.add(path, "'" + abbreviate(text) + "' does not have the form STIX 2.1 requires here"
                            + (pattern.pattern().length() <= 80 ? " (" + pattern.pattern() + ")" : ""));
                    return;
                }
            }
            for (Pattern pattern : spec.notPatterns) {
                if (pattern.matcher(text).find()) {
                    violations.add(path, "'" + abbreviate(text) + "' has a form STIX 2.1 forbids here (" + pattern.pattern() + ")");
                    return;
                }
            }
        }
    }

    /** The common-schema forms of a string; false (after adding the violation) when the text does not have it. */
    private static boolean format(Format format, String text, String path, Violations violations) {
        switch (format) {
            case TIMESTAMP -> {
                try {
                    StixTimestamp.parse(text);
                } catch (IllegalArgumentException e) {
                    violations.add(path, e.getMessage());
                    return false;
                }
            }
            case IDENTIFIER -> {
                try {
                    StixId.parse(text);
                } catch (IllegalArgumentException e) {
                    violations.add(path, e.getMessage());
                    return false;
                }
            }
            case HEX -> {
                if (!isHex(text)) {
                    violations.add(path, "must be hexadecimal: an even number, at least two, of 0-9, a-f, A-F (§2.4)");
                    return false;
                }
            }
            case BINARY -> {
                if (!isBinary(text)) {
                    violations.add(path, "must be base64 (§2.2, RFC 4648 §4) with its padding");
                    return false;
                }
            }
            default -> {
            }
        }
        return true;
    }

    private static void number(Spec spec, BigDecimal value, String path, Violations violations) {
        if (spec.minimum != null && value.compareTo(spec.minimum) < 0) {
            violations.add(path, "must be at least " + spec.minimum.toPlainString());
        } else if (spec.maximum != null && value.compareTo(spec.maximum) > 0) {
            violations.add(path, "must be at most " + spec.maximum.toPlainString());
        }
    }

    private void object(Spec spec, JsonNode value, String path, Violations violations) {
        if (spec.format == Format.HASHES) {
            hashes(spec, value, path, violations);
        } else if (spec.format == Format.SCO) {
            embeddedObservable(value, path, violations);
        } else if (spec.format == Format.DICTIONARY) {
            if (value.isEmpty()) {
                violations.add(path, "must not be an empty dictionary");
            }
            for (String key : value.propertyNames()) {
                if (!isDictionaryKey(key)) {
                    violations.add(Violations.child(path, key), "is not a valid dictionary key (§2.6: at most 250 of a-z, A-Z, 0-9, '-' and '_')");
                }
            }
        }
        if (spec.struct != null) {
            checkStruct(spec.struct, value, path, violations, false);
        }
    }

    /** §2.7, hashes-type.json: a non-empty dictionary from algorithm name to a value of that algorithm's form. */
    private static void hashes(Spec spec, JsonNode value, String path, Violations violations) {
        if (value.isEmpty()) {
            violations.add(path, "must not be empty: a hashes dictionary holds at least one hash (§2.7)");
        }
        for (Map.Entry<String, JsonNode> hash : value.properties()) {
            String child = Violations.child(path, hash.getKey());
            if (!HashAlgorithms.isValidKey(hash.getKey())) {
                violations.add(child, "is not a valid hash algorithm name (§2.7: 3 to 250 of a-z, A-Z, 0-9, '-' and '_')");
                continue;
            }
            if (spec.keyPattern != null && !findBounded(spec.keyPattern, hash.getKey())) {
                violations.add(child, "is not a hash algorithm STIX 2.1 allows here (" + spec.keyPattern.pattern() + ")");
                continue;
            }
            if (!hash.getValue().isString()) {
                violations.add(child, "must be a string, not " + JsonType.of(hash.getValue()).description);
                continue;
            }
            HashAlgorithms.named(hash.getKey()).ifPresent(algorithm -> {
                if (!algorithm.accepts(hash.getValue().stringValue())) {
                    violations.add(child, "'" + abbreviate(hash.getValue().stringValue()) + "' is not a valid "
                            + algorithm.name() + " hash (" + algorithm.form() + ")");
                }
            });
        }
    }

    /** §4.14 (deprecated {@code objects}): each value is a cyber-observable object, checked as its type says. */
    private void embeddedObservable(JsonNode value, String path, Violations violations) {
        JsonNode type = value.get("type");
        if (type == null || !type.isString()) {
            violations.add(Violations.child(path, "type"), "is required and must be a string");
            return;
        }
        Struct struct = structs.get(type.stringValue());
        if (struct == null || !StixTypeCatalog.SCO_TYPES.contains(type.stringValue())) {
            struct = structs.get("sco-core");
        }
        checkStruct(struct, value, path, violations, false);
    }

    /**
     * schemas/common/properties.json, which applies to every property of an object and of its extensions: a name of
     * at least three characters starting with a-z (or one ending in "id"); {@code *_bin} values base64 and
     * {@code *_hex} values hexadecimal (§3.1). Null values and empty lists, which it forbids too, are refused for the
     * whole object by {@link StixObjectValidator}.
     */
    private static void customProperty(String name, JsonNode value, String path, Violations violations) {
        boolean binary = hasSuffixForm(name, "_bin");
        boolean hex = hasSuffixForm(name, "_hex");
        boolean general = name.length() >= 3 && name.length() <= 250 && isLowerLetter(name.charAt(0))
                && isNameChar(name.charAt(1)) && isNameChar(name.charAt(2)) || name.endsWith("id");
        if (!binary && !hex && !general) {
            violations.add(path, "is not a valid property name (§3.1: 3 to 250 of a-z, 0-9 and '_', starting with a-z)");
        } else if (binary && (!value.isString() || !isBinary(value.stringValue()))) {
            violations.add(path, "must be base64 (§2.2, RFC 4648 §4): the name ends in _bin");
        } else if (hex && (!value.isString() || !isHex(value.stringValue()))) {
            violations.add(path, "must be hexadecimal (§2.4): the name ends in _hex");
        }
    }

    /** {@code ^[a-z][a-z0-9_]{0,245}<suffix>$} without a regular expression. */
    private static boolean hasSuffixForm(String name, String suffix) {
        if (!name.endsWith(suffix) || name.length() < suffix.length() + 1 || name.length() > 246 + suffix.length()) {
            return false;
        }
        if (!isLowerLetter(name.charAt(0))) {
            return false;
        }
        for (int i = 1; i < name.length() - suffix.length(); i++) {
            if (!isNameChar(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLowerLetter(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isNameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_';
    }

    /** dictionary.json: keys are at most 250 of ASCII letters, digits, '-' and '_'. */
    static boolean isDictionaryKey(String key) {
        if (key.length() > 250) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /** hex.json: one or more pairs of hexadecimal digits. */
    static boolean isHex(String text) {
        return !text.isEmpty() && text.length() % 2 == 0 && HashAlgorithms.isHex(text);
    }

    /** binary.json: non-empty padded base64. */
    static boolean isBinary(String text) {
        return !text.isEmpty() && PatternLiteral.isBase64(text);
    }

    private static boolean findBounded(Pattern pattern, String text) {
        return text.length() <= PATTERN_INPUT_LIMIT && pattern.matcher(text).find();
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }

    // ---- loading

    private static PropertyTypes load() {
        JsonNode table;
        try (InputStream in = PropertyTypes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            table = StixJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        Map<String, Struct> structs = new HashMap<>();
        table.get("structs").propertyNames().forEach(name -> structs.put(name, new Struct(name)));
        List<Spec> specs = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : table.get("structs").properties()) {
            Struct struct = structs.get(entry.getKey());
            JsonNode node = entry.getValue();
            struct.parentName = node.path("parent").asString(null);
            struct.customProperties = node.path("custom_properties").asBoolean(false);
            struct.dictionary = node.path("dictionary").asBoolean(false);
            struct.minProperties = node.path("min_properties").asInt(0);
            struct.required = strings(node.get("required"));
            struct.anyOfRequired = groups(node.get("any_of_required"));
            struct.oneOfRequired = groups(node.get("one_of_required"));
            node.path("properties").properties().forEach(p -> struct.properties.put(p.getKey(), spec(p.getValue(), specs)));
            node.path("pattern_properties").properties().forEach(p ->
                    struct.patternProperties.put(Pattern.compile(p.getKey()), spec(p.getValue(), specs)));
            JsonNode additional = node.get("additional");
            if (additional != null && additional.isBoolean()) {
                struct.additionalAllowed = additional.booleanValue();
            } else if (additional != null) {
                struct.additional = spec(additional, specs);
            }
        }
        for (Struct struct : structs.values()) {
            struct.parent = struct.parentName == null ? null : require(structs, struct.parentName);
        }
        for (Spec spec : specs) {
            spec.struct = spec.structName == null ? null : require(structs, spec.structName);
        }
        return new PropertyTypes(Map.copyOf(structs));
    }

    private static Struct require(Map<String, Struct> structs, String name) {
        Struct struct = structs.get(name);
        if (struct == null) {
            throw new IllegalStateException(RESOURCE + " refers to the undefined struct " + name);
        }
        return struct;
    }

    private static Spec spec(JsonNode node, List<Spec> all) {
        Spec spec = new Spec();
        all.add(spec);
        if (node.has("type")) {
            Set<JsonType> types = EnumSet.noneOf(JsonType.class);
            node.get("type").forEach(t -> types.add(JsonType.valueOf(t.stringValue().toUpperCase(java.util.Locale.ROOT))));
            spec.types = types;
        }
        if (node.has("format")) {
            spec.format = Format.valueOf(node.get("format").stringValue().toUpperCase(java.util.Locale.ROOT));
        }
        spec.enumValues = node.has("enum") ? strings(node.get("enum")) : null;
        spec.notEnum = node.has("not_enum") ? strings(node.get("not_enum")) : null;
        spec.patterns = patterns(node.get("pattern"));
        spec.notPatterns = patterns(node.get("not_pattern"));
        spec.minimum = node.has("minimum") ? node.get("minimum").decimalValue() : null;
        spec.maximum = node.has("maximum") ? node.get("maximum").decimalValue() : null;
        spec.minLength = node.path("min_length").asInt(-1);
        spec.maxLength = node.path("max_length").asInt(-1);
        spec.minItems = node.path("min_items").asInt(-1);
        spec.keyPattern = node.has("key_pattern") ? Pattern.compile(node.get("key_pattern").stringValue()) : null;
        spec.items = node.has("items") ? spec(node.get("items"), all) : null;
        spec.structName = node.path("struct").asString(null);
        if (node.has("any_of")) {
            List<Spec> alternatives = new ArrayList<>();
            node.get("any_of").forEach(a -> alternatives.add(spec(a, all)));
            spec.anyOf = List.copyOf(alternatives);
            spec.exactlyOne = node.path("exactly_one").asBoolean(false);
        }
        return spec;
    }

    private static List<String> strings(JsonNode array) {
        if (array == null) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return List.copyOf(values);
    }

    private static List<List<List<String>>> groups(JsonNode node) {
        if (node == null) {
            return List.of();
        }
        List<List<List<String>>> groups = new ArrayList<>();
        for (JsonNode group : node) {
            List<List<String>> alternatives = new ArrayList<>();
            group.forEach(alternative -> alternatives.add(strings(alternative)));
            groups.add(List.copyOf(alternatives));
        }
        return List.copyOf(groups);
    }

    private static List<Pattern> patterns(JsonNode array) {
        if (array == null) {
            return List.of();
        }
        List<Pattern> patterns = new ArrayList<>();
        array.forEach(p -> patterns.add(Pattern.compile(p.stringValue())));
        return List.copyOf(patterns);
    }
}
