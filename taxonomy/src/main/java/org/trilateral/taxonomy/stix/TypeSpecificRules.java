package org.trilateral.taxonomy.stix;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.trilateral.taxonomy.pattern.ComparisonExpression;
import org.trilateral.taxonomy.pattern.ObjectPath;
import org.trilateral.taxonomy.pattern.PatternLiteral;
import org.trilateral.taxonomy.pattern.StixPattern;
import org.trilateral.taxonomy.pattern.StixPatternException;
import tools.jackson.databind.JsonNode;

/**
 * Requirements of single object types that are more than a list of required properties: one-of
 * groups, value ranges and the pattern of an indicator (STIX 2.1 §4–§7, mirrored by the conditional
 * parts of the OASIS JSON schemas).
 */
final class TypeSpecificRules {

    private static final Set<String> EXTENSION_TYPES =
            Set.of("new-sdo", "new-sco", "new-sro", "property-extension", "toplevel-property-extension");

    private TypeSpecificRules() {
    }

    static void check(String type, JsonNode object, StixObjectLimits limits, Violations violations) {
        switch (type) {
            case "indicator" -> indicator(object, limits, violations);
            case "location" -> location(object, violations);
            case "malware" -> malware(object, violations);
            case "malware-analysis" -> requireAnyOf(object, violations, "result", "analysis_sco_refs");
            case "observed-data" -> observedData(object, violations);
            case "relationship" -> relationship(object, violations);
            case "sighting" -> integerRange(object, "count", 0, 999_999_999L, violations);
            case "marking-definition" -> markingDefinition(object, violations);
            case "extension-definition" -> extensionDefinition(object, violations);
            case "artifact" -> artifact(object, violations);
            case "email-message" -> emailMessage(object, violations);
            case "file" -> requireAnyOf(object, violations, "hashes", "name");
            case "network-traffic" -> networkTraffic(object, violations);
            // §6.11, §6.14, §6.17, §6.18: "MUST contain at least one property from this object" (the list of the schema).
            case "process", "user-account", "windows-registry-key", "x509-certificate" -> atLeastOneOwnProperty(type, object, violations);
            default -> {
            }
        }
    }

    /** §4.7: pattern, pattern_type, valid_from; a stix pattern must parse (§9) and the hashes it names be well formed. */
    private static void indicator(JsonNode object, StixObjectLimits limits, Violations violations) {
        JsonNode pattern = object.get("pattern");
        JsonNode patternType = object.get("pattern_type");
        if (pattern != null && !pattern.isString()) {
            violations.add("pattern", "must be a string");
        }
        if (patternType != null && !patternType.isString()) {
            violations.add("pattern_type", "must be a string");
        }
        if (pattern != null && pattern.isString() && patternType != null && patternType.isString()
                && patternType.stringValue().equals("stix")) {
            try {
                patternHashes(StixPattern.parse(pattern.stringValue(), limits.pattern()), violations);
            } catch (StixPatternException e) {
                violations.add("pattern", "is not a valid STIX pattern: " + e.getMessage());
            }
        }
    }

    /**
     * A comparison of a hash (an object path through {@code hashes} ending in an algorithm name, such as
     * {@code file:hashes.'SHA-256'}) compares it with values of that algorithm's form, as the OASIS pattern validator
     * requires: {@code file:hashes.'SHA-256' = 'xyz'} is refused.
     */
    private static void patternHashes(StixPattern pattern, Violations violations) {
        for (ComparisonExpression expression : pattern.comparisons()) {
            if (!(expression instanceof ComparisonExpression.Comparison comparison)) {
                continue;
            }
            List<ObjectPath.PathStep> steps = comparison.path().steps();
            boolean throughHashes = false;
            for (ObjectPath.PathStep step : steps) {
                throughHashes |= step instanceof ObjectPath.Property property && property.name().equals("hashes");
            }
            if (!throughHashes || !(steps.get(steps.size() - 1) instanceof ObjectPath.Property last)) {
                continue;
            }
            Optional<HashAlgorithms.Algorithm> algorithm = HashAlgorithms.named(last.name());
            if (algorithm.isEmpty()) {
                continue;
            }
            List<PatternLiteral> values = comparison.value() instanceof PatternLiteral.SetLiteral set
                    ? set.elements() : List.of(comparison.value());
            for (PatternLiteral value : values) {
                String problem = value instanceof PatternLiteral.StringLiteral text
                        ? algorithm.get().accepts(text.value()) ? null
                          : "'" + text.value() + "' is not a valid " + algorithm.get().name() + " hash (" + algorithm.get().form() + ")"
                        : "compares a " + algorithm.get().name() + " hash with " + value + ", which is not a string";
                if (problem != null) {
                    violations.add("pattern", "in " + comparison + ": " + problem);
                    return;
                }
            }
        }
    }

    /** §4.8: region, country or latitude+longitude; latitude and longitude together; precision needs both. */
    private static void location(JsonNode object, Violations violations) {
        boolean latitude = object.has("latitude");
        boolean longitude = object.has("longitude");
        if (!object.has("region") && !object.has("country") && !(latitude && longitude)) {
            violations.add("", "a location needs region, country, or latitude and longitude");
        }
        if (latitude != longitude) {
            violations.add(latitude ? "longitude" : "latitude", "is required when " + (latitude ? "latitude" : "longitude") + " is present");
        }
        if (object.has("precision") && !(latitude && longitude)) {
            violations.add("precision", "requires latitude and longitude");
        }
        numberRange(object, "latitude", -90, 90, violations);
        numberRange(object, "longitude", -180, 180, violations);
    }

    /** §4.10: is_family is a boolean, and a malware family has a name. */
    private static void malware(JsonNode object, Violations violations) {
        JsonNode family = object.get("is_family");
        if (family != null && !family.isBoolean()) {
            violations.add("is_family", "must be a boolean");
        } else if (family != null && family.booleanValue() && !object.has("name")) {
            violations.add("name", "is required when is_family is true");
        }
    }

    /** §4.14: exactly one of objects (deprecated) and object_refs; number_observed 1..999,999,999. */
    private static void observedData(JsonNode object, Violations violations) {
        if (object.has("objects") == object.has("object_refs")) {
            violations.add("object_refs", "exactly one of object_refs and objects is required");
        }
        integerRange(object, "number_observed", 1, 999_999_999L, violations);
    }

    /** §5.1: relationship_type is lower case ASCII letters, digits and hyphens. */
    private static void relationship(JsonNode object, Violations violations) {
        JsonNode relationshipType = object.get("relationship_type");
        if (relationshipType != null && (!relationshipType.isString() || !relationshipType.stringValue().matches("[a-z0-9-]+"))) {
            violations.add("relationship_type", "must be a string of a-z, 0-9 and '-'");
        }
    }

    /** §7.2.1: a definition_type with its definition, or (since 2.1) an extension that defines the marking. */
    private static void markingDefinition(JsonNode object, Violations violations) {
        JsonNode definitionType = object.get("definition_type");
        JsonNode definition = object.get("definition");
        if (definitionType == null && definition == null) {
            if (!object.has("extensions")) {
                violations.add("definition", "definition_type and definition, or extensions, are required");
            }
            return;
        }
        if (definitionType == null || !definitionType.isString()) {
            violations.add("definition_type", "is required with definition and must be a string");
            return;
        }
        if (definition == null || !definition.isObject()) {
            violations.add("definition", "is required with definition_type and must be an object");
            return;
        }
        switch (definitionType.stringValue()) {
            case "tlp" -> {
                JsonNode tlp = definition.get("tlp");
                if (tlp == null || !tlp.isString() || !Set.of("white", "green", "amber", "red").contains(tlp.stringValue())) {
                    violations.add("definition.tlp", "must be white, green, amber or red");
                }
            }
            case "statement" -> {
                JsonNode statement = definition.get("statement");
                if (statement == null || !statement.isString()) {
                    violations.add("definition.statement", "is required and must be a string");
                }
            }
            default -> {
            }
        }
    }

    /** §7.3: extension_types lists what the extension defines. */
    private static void extensionDefinition(JsonNode object, Violations violations) {
        JsonNode types = object.get("extension_types");
        if (types == null) {
            return;
        }
        if (!types.isArray() || types.isEmpty()) {
            violations.add("extension_types", "must be a non-empty list");
            return;
        }
        for (int i = 0; i < types.size(); i++) {
            JsonNode value = types.get(i);
            if (!value.isString() || !EXTENSION_TYPES.contains(value.stringValue())) {
                violations.add(Violations.index("extension_types", i), "must be one of " + EXTENSION_TYPES);
            }
        }
    }

    /** §6.1: payload_bin or url (url with hashes), not both; decryption_key only with encryption_algorithm. */
    private static void artifact(JsonNode object, Violations violations) {
        boolean payload = object.has("payload_bin");
        boolean url = object.has("url");
        if (payload == url) {
            violations.add("payload_bin", "exactly one of payload_bin and url is required");
        }
        if (url && !object.has("hashes")) {
            violations.add("hashes", "is required when url is present");
        }
        if (object.has("decryption_key") && !object.has("encryption_algorithm")) {
            violations.add("decryption_key", "requires encryption_algorithm");
        }
    }

    /** §6.6: body only on a non-multipart message, body_multipart only on a multipart one. */
    private static void emailMessage(JsonNode object, Violations violations) {
        JsonNode multipart = object.get("is_multipart");
        if (multipart == null) {
            return;
        }
        if (!multipart.isBoolean()) {
            violations.add("is_multipart", "must be a boolean");
        } else if (multipart.booleanValue() && object.has("body")) {
            violations.add("body", "must not be present when is_multipart is true");
        } else if (!multipart.booleanValue() && object.has("body_multipart")) {
            violations.add("body_multipart", "must not be present when is_multipart is false");
        }
    }

    /** §6.12: protocols non-empty, src_ref or dst_ref, no end while active. */
    private static void networkTraffic(JsonNode object, Violations violations) {
        JsonNode protocols = object.get("protocols");
        if (protocols != null && (!protocols.isArray() || protocols.isEmpty())) {
            violations.add("protocols", "must be a non-empty list");
        }
        requireAnyOf(object, violations, "src_ref", "dst_ref");
        JsonNode active = object.get("is_active");
        if (active != null && active.isBoolean() && active.booleanValue() && object.has("end")) {
            violations.add("end", "must not be present when is_active is true");
        }
    }

    /** The properties the OASIS schema lists for the type: one of them, not just any custom property, must be there. */
    private static void atLeastOneOwnProperty(String type, JsonNode object, Violations violations) {
        for (List<List<String>> group : PropertyTypes.STIX_21.struct(type).anyOfRequired()) {
            for (List<String> alternative : group) {
                if (object.has(alternative.get(0))) {
                    return;
                }
            }
            List<String> names = group.stream().map(alternative -> alternative.get(0)).toList();
            violations.add("", type + " needs at least one of its own properties: " + String.join(", ", names));
        }
    }

    private static void requireAnyOf(JsonNode object, Violations violations, String first, String second) {
        if (!object.has(first) && !object.has(second)) {
            violations.add(first, "at least one of " + first + " and " + second + " is required");
        }
    }

    private static void integerRange(JsonNode object, String name, long min, long max, Violations violations) {
        JsonNode value = object.get(name);
        if (value != null && (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < min || value.longValue() > max)) {
            violations.add(name, "must be an integer from " + min + " to " + max);
        }
    }

    private static void numberRange(JsonNode object, String name, double min, double max, Violations violations) {
        JsonNode value = object.get(name);
        if (value != null && (!value.isNumber() || value.doubleValue() < min || value.doubleValue() > max)) {
            violations.add(name, "must be a number from " + (long) min + " to " + (long) max);
        }
    }
}
