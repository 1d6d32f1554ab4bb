package org.trilateral.taxonomy.stix;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The object types STIX 2.1 defines and the properties each one requires, taken from the OASIS STIX 2.1
 * JSON schemas (cti-stix2-json-schemas, {@code required} of each schema) and the spec's property tables.
 * Conditional requirements (one of several properties) live in {@link TypeSpecificRules}.
 */
final class StixTypeCatalog {

    static final Set<String> SDO_TYPES = Set.of("attack-pattern", "campaign", "course-of-action", "grouping",
            "identity", "incident", "indicator", "infrastructure", "intrusion-set", "location", "malware",
            "malware-analysis", "note", "observed-data", "opinion", "report", "threat-actor", "tool", "vulnerability");

    static final Set<String> SRO_TYPES = Set.of("relationship", "sighting");

    static final Set<String> SCO_TYPES = Set.of("artifact", "autonomous-system", "directory", "domain-name",
            "email-addr", "email-message", "file", "ipv4-addr", "ipv6-addr", "mac-addr", "mutex", "network-traffic",
            "process", "software", "url", "user-account", "windows-registry-key", "x509-certificate");

    static final Set<String> META_TYPES = Set.of("marking-definition", "language-content", "extension-definition");

    /** §3.2 common properties required on every SDO and SRO (schemas/common/core.json). */
    static final List<String> CORE_REQUIRED = List.of("type", "spec_version", "id", "created", "modified");

    /** §6.1 SCO common properties (schemas/common/cyber-observable-core.json). */
    static final List<String> SCO_REQUIRED = List.of("type", "id");

    /** §7.2.1: a marking definition has no {@code modified}: it never changes. */
    static final List<String> MARKING_DEFINITION_REQUIRED = List.of("type", "spec_version", "id", "created");

    private static final Map<String, List<String>> TYPE_REQUIRED = Map.ofEntries(
            Map.entry("attack-pattern", List.of("name")),
            Map.entry("campaign", List.of("name")),
            Map.entry("course-of-action", List.of("name")),
            Map.entry("grouping", List.of("context", "object_refs")),
            Map.entry("identity", List.of("name")),
            Map.entry("incident", List.of("name")),
            Map.entry("indicator", List.of("pattern", "pattern_type", "valid_from")),
            Map.entry("infrastructure", List.of("name")),
            Map.entry("intrusion-set", List.of("name")),
            Map.entry("malware", List.of("is_family")),
            Map.entry("malware-analysis", List.of("product")),
            Map.entry("note", List.of("content", "object_refs")),
            Map.entry("observed-data", List.of("first_observed", "last_observed", "number_observed")),
            Map.entry("opinion", List.of("object_refs", "opinion")),
            Map.entry("report", List.of("name", "object_refs", "published")),
            Map.entry("threat-actor", List.of("name")),
            Map.entry("tool", List.of("name")),
            Map.entry("vulnerability", List.of("name")),
            Map.entry("relationship", List.of("relationship_type", "source_ref", "target_ref")),
            Map.entry("sighting", List.of("sighting_of_ref")),
            Map.entry("language-content", List.of("object_ref", "contents")),
            // §7.3: created_by_ref is required on an extension definition although core.json leaves it optional.
            Map.entry("extension-definition", List.of("name", "schema", "version", "extension_types", "created_by_ref")),
            Map.entry("autonomous-system", List.of("number")),
            Map.entry("directory", List.of("path")),
            Map.entry("domain-name", List.of("value")),
            Map.entry("email-addr", List.of("value")),
            Map.entry("email-message", List.of("is_multipart")),
            Map.entry("ipv4-addr", List.of("value")),
            Map.entry("ipv6-addr", List.of("value")),
            Map.entry("mac-addr", List.of("value")),
            Map.entry("mutex", List.of("name")),
            Map.entry("network-traffic", List.of("protocols")),
            Map.entry("software", List.of("name")),
            Map.entry("url", List.of("value")));

    private StixTypeCatalog() {
    }

    /** The class of a type STIX 2.1 defines, or {@code null} for a custom type. */
    static StixObjectClass classOf(String type) {
        if (SDO_TYPES.contains(type)) {
            return StixObjectClass.SDO;
        }
        if (SRO_TYPES.contains(type)) {
            return StixObjectClass.SRO;
        }
        if (SCO_TYPES.contains(type)) {
            return StixObjectClass.SCO;
        }
        return META_TYPES.contains(type) ? StixObjectClass.META : null;
    }

    /** Every property an object of this type and class must have. */
    static List<String> requiredProperties(String type, StixObjectClass objectClass) {
        List<String> common = switch (objectClass) {
            case SCO -> SCO_REQUIRED;
            case META -> type.equals("marking-definition") ? MARKING_DEFINITION_REQUIRED : CORE_REQUIRED;
            default -> CORE_REQUIRED;
        };
        List<String> specific = TYPE_REQUIRED.getOrDefault(type, List.of());
        return java.util.stream.Stream.concat(common.stream(), specific.stream()).toList();
    }
}
