package org.trilateral.taxonomy.stix;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Checks one STIX 2.1 object before the exchange stores it: its size against {@link StixObjectLimits}, no null and no
 * empty list anywhere, the common properties of §3 by object class, the required properties and conditional rules of
 * each type (§4–§7), references and their target types, markings, timestamps and their order, the syntax of STIX
 * patterns (§9) and the hashes inside them, and the type of every property STIX 2.1 defines, at every depth, as the
 * OASIS JSON schemas give it ({@link PropertyTypes}). What it accepts passes the OASIS stix2-validator's MUST checks.
 * Custom types are accepted when they satisfy the common rules. Immutable and thread-safe: share one instance.
 */
public final class StixObjectValidator {

    /**
     * §3.1: property names are a-z, 0-9 and underscore, 3 to 250 characters ({@code id} is the exception); the OASIS
     * schemas (common/properties.json) also want the first one a letter.
     */
    /** STIX 2.1 §3.1 property names: {@code [a-z][a-z0-9_]{2,249}}, checked without a regular expression. */
    static boolean isPropertyName(String name) {
        if (name.length() < 3 || name.length() > 250 || name.charAt(0) < 'a' || name.charAt(0) > 'z') {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /** Names the 2.1 schemas reserve and refuse on every object (schemas/common/core.json, "not required"). */
    private static final Set<String> RESERVED_PROPERTIES = Set.of("severity", "action", "username", "phone_numbers");

    /** RFC 5646 language tag, in its general shape (§3.2 {@code lang}). */
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");

    /** Properties whose values are timestamps (§3.2 and the property tables of §4–§7). */
    private static final Set<String> TIMESTAMP_PROPERTIES = Set.of("created", "modified", "valid_from", "valid_until",
            "first_seen", "last_seen", "first_observed", "last_observed", "published", "analysis_started",
            "analysis_ended", "submitted", "ctime", "mtime", "atime", "date", "start", "end", "created_time",
            "modified_time", "account_created", "account_expires", "credential_last_changed", "account_first_login",
            "account_last_login", "validity_not_before", "validity_not_after", "time_date_stamp",
            "private_key_usage_period_not_before", "private_key_usage_period_not_after", "start_time", "stop_time",
            "object_modified");

    /**
     * Two timestamps of one object in order: {@code later} must not precede {@code earlier}, and must follow it on
     * objects of a type in {@code strictlyOn} (on every type when that is null); {@code onlyOn}, when not null, limits
     * the rule to one object type.
     */
    private record Order(String earlier, String later, Set<String> strictlyOn, String onlyOn) {

        static Order notBefore(String earlier, String later) {
            return new Order(earlier, later, Set.of(), null);
        }

        boolean strictlyFor(String type) {
            return strictlyOn == null || strictlyOn.contains(type);
        }
    }

    /**
     * §3.2, §4.7, §4.14, §5.1, §5.2, §6.12, and the comparisons the OASIS validator makes (its TIMESTAMP_COMPARE):
     * valid_until, stop_time and a network-traffic's end are strictly later. So is a sighting's last_seen: §5.2 allows
     * it to equal first_seen, but the OASIS validator refuses that, and what this exchange accepts passes it.
     */
    private static final List<Order> ORDERED_TIMESTAMPS = List.of(
            Order.notBefore("created", "modified"),
            new Order("first_seen", "last_seen", Set.of("sighting"), null),
            Order.notBefore("first_observed", "last_observed"),
            Order.notBefore("analysis_started", "analysis_ended"),
            new Order("valid_from", "valid_until", null, null),
            new Order("start_time", "stop_time", null, null),
            new Order("start", "end", null, "network-traffic"));

    /** Millisecond precision on created/modified (§3.2; schemas/common/core.json "timestamp_millis"). */
    private static final Pattern MILLISECOND_PRECISION = Pattern.compile(".*T\\d{2}:\\d{2}:\\d{2}\\.\\d{3,}Z");

    /** External ids of the cve and capec sources (§2.5, schemas/common/external-reference.json). */
    private static final String CVE_ID = "CVE-\\d{4}-(0\\d{3}|[1-9]\\d{3,})";
    private static final String CAPEC_ID = "CAPEC-\\d+";

    /** Longest language tag looked at; RFC 5646 tags in use are far shorter. */
    private static final int MAX_LANGUAGE_TAG = 64;

    private final StixObjectLimits limits;

    /** A validator with the {@linkplain StixObjectLimits#DEFAULTS default limits}. */
    public StixObjectValidator() {
        this(StixObjectLimits.DEFAULTS);
    }

    /** A validator that refuses objects larger than {@code limits}. */
    public StixObjectValidator(StixObjectLimits limits) {
        this.limits = java.util.Objects.requireNonNull(limits, "limits");
    }

    /** The limits this validator applies. */
    public StixObjectLimits limits() {
        return limits;
    }

    /** Every violation found, empty when the object is valid STIX 2.1. Never throws on bad input. */
    public List<StixViolation> validate(JsonNode object) {
        Violations violations = new Violations();
        if (object == null || !object.isObject()) {
            violations.add("", "a STIX object must be a JSON object");
            return violations.toList();
        }
        if (!ObjectShape.check(object, limits, violations)) {
            return violations.toList();
        }
        String type = type(object, violations);
        id(object, type, violations);
        if (type == null) {
            return violations.toList();
        }
        StixObjectClass objectClass = StixObjectClass.of(type, object);
        for (String required : StixTypeCatalog.requiredProperties(type, objectClass)) {
            if (!object.has(required) || object.get(required).isNull()) {
                violations.add(required, "is required on " + describe(type, objectClass));
            }
        }
        specVersion(object, violations);
        propertyNames(object, violations);
        timestamps(object, objectClass, violations);
        commonProperties(object, violations);
        TypeSpecificRules.check(type, object, limits, violations);
        ReferenceRules.check(type, object, violations);
        PropertyTypes.STIX_21.check(type, objectClass, object, violations);
        return violations.toList();
    }

    private static String type(JsonNode object, Violations violations) {
        JsonNode type = object.get("type");
        if (type == null || !type.isString()) {
            violations.add("type", "is required and must be a string");
            return null;
        }
        String value = type.stringValue();
        if (!StixId.isValidType(value)) {
            violations.add("type", "'" + value + "' is not a valid type name (§3.1: a-z, 0-9 and '-', 3 to 250 characters)");
            return null;
        }
        if (value.equals("bundle")) {
            violations.add("type", "a bundle is a container (§8), not an object to store");
            return null;
        }
        if (value.equals("action")) {
            violations.add("type", "'action' is a reserved type name");
            return null;
        }
        return value;
    }

    private static void id(JsonNode object, String type, Violations violations) {
        JsonNode id = object.get("id");
        if (id == null || !id.isString()) {
            violations.add("id", "is required and must be an identifier of the form type--UUID");
            return;
        }
        try {
            StixId parsed = StixId.parse(id.stringValue());
            if (type != null && !parsed.type().equals(type)) {
                violations.add("id", "type part '" + parsed.type() + "' does not match type '" + type + "'");
            }
        } catch (IllegalArgumentException e) {
            violations.add("id", e.getMessage());
        }
    }

    /** §3.2: required "2.1" on SDOs, SROs and meta objects; optional on SCOs but "2.1" when present. */
    private static void specVersion(JsonNode object, Violations violations) {
        JsonNode specVersion = object.get("spec_version");
        if (specVersion == null) {
            return;
        }
        if (!specVersion.isString() || !specVersion.stringValue().equals("2.1")) {
            violations.add("spec_version", "must be \"2.1\", not " + specVersion);
        }
    }

    private static void propertyNames(JsonNode object, Violations violations) {
        for (String name : object.propertyNames()) {
            if (RESERVED_PROPERTIES.contains(name)) {
                violations.add(name, "is a reserved property name and must not be used");
            } else if (!name.equals("id") && !isPropertyName(name)) {
                violations.add(name, "is not a valid property name (§3.1: a-z, 0-9 and '_', 3 to 250 characters)");
            }
        }
    }

    private static void timestamps(JsonNode object, StixObjectClass objectClass, Violations violations) {
        Map<String, Instant> parsed = new java.util.HashMap<>();
        timestampsIn(object, "", parsed, violations);
        JsonNode extensions = object.get("extensions");
        if (extensions != null && extensions.isObject()) {
            for (Map.Entry<String, JsonNode> extension : extensions.properties()) {
                timestampsIn(extension.getValue(), "extensions." + extension.getKey(), new java.util.HashMap<>(), violations);
            }
        }
        if (objectClass != StixObjectClass.SCO) {
            for (String name : List.of("created", "modified")) {
                JsonNode value = object.get(name);
                if (parsed.containsKey(name) && !MILLISECOND_PRECISION.matcher(value.stringValue()).matches()) {
                    violations.add(name, "must have at least millisecond precision (§3.2)");
                }
            }
        }
        String type = object.path("type").asString("");
        for (Order order : ORDERED_TIMESTAMPS) {
            Instant earlier = parsed.get(order.earlier());
            Instant later = parsed.get(order.later());
            if (earlier == null || later == null || order.onlyOn() != null && !order.onlyOn().equals(type)) {
                continue;
            }
            // The OASIS validator compares the timestamps as text: both orders must hold, so that an object this
            // validator accepts passes that one too (equal instants written with different precision differ as text).
            int asText = object.get(order.later()).stringValue().compareTo(object.get(order.earlier()).stringValue());
            boolean strictly = order.strictlyFor(type);
            if (strictly ? !later.isAfter(earlier) || asText <= 0 : later.isBefore(earlier) || asText < 0) {
                violations.add(order.later(), (strictly ? "must be later than " : "must not be earlier than ") + order.earlier()
                        + (later.equals(earlier) && asText != 0 ? " (the same instant, but written so that it sorts before it)" : ""));
            }
        }
    }

    private static void timestampsIn(JsonNode node, String path, Map<String, Instant> parsed, Violations violations) {
        if (!node.isObject()) {
            return;
        }
        for (Map.Entry<String, JsonNode> property : node.properties()) {
            if (!TIMESTAMP_PROPERTIES.contains(property.getKey())) {
                continue;
            }
            String child = Violations.child(path, property.getKey());
            JsonNode value = property.getValue();
            if (!value.isString()) {
                violations.add(child, "must be a timestamp string");
                continue;
            }
            try {
                parsed.put(property.getKey(), StixTimestamp.parse(value.stringValue()));
            } catch (IllegalArgumentException e) {
                violations.add(child, e.getMessage());
            }
        }
    }

    private static void commonProperties(JsonNode object, Violations violations) {
        JsonNode labels = object.get("labels");
        if (labels != null) {
            nonEmptyStringList(labels, "labels", violations);
        }
        JsonNode confidence = object.get("confidence");
        if (confidence != null && (!confidence.isIntegralNumber() || !confidence.canConvertToInt()
                || confidence.intValue() < 0 || confidence.intValue() > 100)) {
            violations.add("confidence", "must be an integer from 0 to 100 (§3.2)");
        }
        JsonNode lang = object.get("lang");
        if (lang != null && !isLanguageTag(lang)) {
            violations.add("lang", "must be an RFC 5646 language tag");
        }
        for (String flag : List.of("revoked", "defanged")) {
            JsonNode value = object.get(flag);
            if (value != null && !value.isBoolean()) {
                violations.add(flag, "must be a boolean");
            }
        }
        externalReferences(object.get("external_references"), violations);
        killChainPhases(object.get("kill_chain_phases"), violations);
        granularMarkings(object.get("granular_markings"), violations);
        extensions(object.get("extensions"), violations);
    }

    /** §3.3 (2.1 §2.5): source_name plus at least one of description, url, external_id; CVE and CAPEC id forms. */
    private static void externalReferences(JsonNode references, Violations violations) {
        if (references == null) {
            return;
        }
        if (!references.isArray() || references.isEmpty()) {
            violations.add("external_references", "must be a non-empty list");
            return;
        }
        for (int i = 0; i < references.size(); i++) {
            String path = Violations.index("external_references", i);
            JsonNode reference = references.get(i);
            if (!reference.isObject()) {
                violations.add(path, "must be an object");
                continue;
            }
            JsonNode source = reference.get("source_name");
            if (source == null || !source.isString()) {
                violations.add(path + ".source_name", "is required and must be a string");
                continue;
            }
            if (!reference.has("description") && !reference.has("url") && !reference.has("external_id")) {
                violations.add(path, "needs at least one of description, url and external_id besides source_name");
            }
            JsonNode externalId = reference.get("external_id");
            if (externalId != null && !externalId.isString()) {
                violations.add(path + ".external_id", "must be a string");
                continue;
            }
            String expected = switch (source.stringValue()) {
                case "cve" -> CVE_ID;
                case "capec" -> CAPEC_ID;
                default -> null;
            };
            if (expected != null && (externalId == null || !externalId.stringValue().matches(expected))) {
                violations.add(path + ".external_id", "a " + source.stringValue() + " reference needs an external_id of the form " + expected);
            } else if (expected == null && externalId != null && externalId.stringValue().length() <= 64
                    && (externalId.stringValue().matches(CVE_ID) || externalId.stringValue().matches(CAPEC_ID))) {
                // schemas/common/external-reference.json: only the cve and capec sources carry ids of their forms.
                violations.add(path + ".source_name", "must be '" + (externalId.stringValue().startsWith("CVE") ? "cve" : "capec")
                        + "' for the external_id " + externalId.stringValue());
            }
        }
    }

    /** §2.8 (2.1 kill-chain-phase): both names are required strings. */
    private static void killChainPhases(JsonNode phases, Violations violations) {
        if (phases == null) {
            return;
        }
        if (!phases.isArray() || phases.isEmpty()) {
            violations.add("kill_chain_phases", "must be a non-empty list");
            return;
        }
        for (int i = 0; i < phases.size(); i++) {
            String path = Violations.index("kill_chain_phases", i);
            JsonNode phase = phases.get(i);
            for (String name : List.of("kill_chain_name", "phase_name")) {
                JsonNode value = phase.get(name);
                if (value == null || !value.isString() || value.stringValue().isEmpty()) {
                    violations.add(path + "." + name, "is required and must be a non-empty string");
                }
            }
        }
    }

    /** §7.2.3: each granular marking has non-empty selectors and exactly one of marking_ref and lang. */
    private static void granularMarkings(JsonNode markings, Violations violations) {
        if (markings == null) {
            return;
        }
        if (!markings.isArray() || markings.isEmpty()) {
            violations.add("granular_markings", "must be a non-empty list");
            return;
        }
        for (int i = 0; i < markings.size(); i++) {
            String path = Violations.index("granular_markings", i);
            JsonNode marking = markings.get(i);
            if (!marking.isObject()) {
                violations.add(path, "must be an object");
                continue;
            }
            JsonNode selectors = marking.get("selectors");
            if (selectors == null) {
                violations.add(path + ".selectors", "is required");
            } else {
                nonEmptyStringList(selectors, path + ".selectors", violations);
            }
            if (marking.has("marking_ref") == marking.has("lang")) {
                violations.add(path, "needs exactly one of marking_ref and lang");
            }
            JsonNode lang = marking.get("lang");
            if (lang != null && !isLanguageTag(lang)) {
                violations.add(path + ".lang", "must be an RFC 5646 language tag");
            }
        }
    }

    /** §3.2 / §7.3: extensions is a dictionary; extension-definition keys are identifiers with an extension_type. */
    private static void extensions(JsonNode extensions, Violations violations) {
        if (extensions == null) {
            return;
        }
        if (!extensions.isObject() || extensions.isEmpty()) {
            violations.add("extensions", "must be a non-empty dictionary");
            return;
        }
        for (Map.Entry<String, JsonNode> extension : extensions.properties()) {
            String path = "extensions." + extension.getKey();
            if (!extension.getValue().isObject()) {
                violations.add(path, "must be an object");
                continue;
            }
            if (extension.getKey().startsWith("extension-definition--")) {
                if (!StixId.isValid(extension.getKey())) {
                    violations.add(path, "the key is not a valid extension-definition identifier");
                }
                JsonNode extensionType = extension.getValue().get("extension_type");
                if (extensionType == null || !extensionType.isString()) {
                    violations.add(path + ".extension_type", "is required on an extension defined by an extension definition");
                }
            }
        }
    }

    /** The tag's length is checked first: the expression repeats a group, which recurses once per repetition. */
    private static boolean isLanguageTag(JsonNode lang) {
        return lang.isString() && lang.stringValue().length() <= MAX_LANGUAGE_TAG
                && LANGUAGE_TAG.matcher(lang.stringValue()).matches();
    }

    private static void nonEmptyStringList(JsonNode list, String path, Violations violations) {
        if (!list.isArray() || list.isEmpty()) {
            violations.add(path, "must be a non-empty list of strings");
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            if (!list.get(i).isString()) {
                violations.add(Violations.index(path, i), "must be a string");
            }
        }
    }

    private static String describe(String type, StixObjectClass objectClass) {
        if (StixTypeCatalog.classOf(type) == null) {
            return "a custom " + objectClass + "-like object";
        }
        return ("aeiou".indexOf(type.charAt(0)) >= 0 ? "an " : "a ") + type;
    }
}
