package org.trilateral.taxonomy.stix;

import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * STIX 2.1 §2.9 / §3.1: a property whose name ends in {@code _ref} holds one identifier and one ending in
 * {@code _refs} a non-empty list of identifiers, at any depth (extensions, granular markings, nested
 * objects). Where the spec names the type a reference must point to, the type part is checked too.
 */
final class ReferenceRules {

    /** A restriction on the type part of a referenced identifier. */
    private record Target(Predicate<String> allows, String description) {
        static Target only(String... types) {
            Set<String> allowed = Set.of(types);
            return new Target(allowed::contains, "must reference " + String.join(" or ", types));
        }
    }

    private static final Predicate<String> NOT_SDO = type -> !StixTypeCatalog.SDO_TYPES.contains(type);
    private static final Predicate<String> NOT_META_OR_BUNDLE =
            type -> !StixTypeCatalog.META_TYPES.contains(type) && !type.equals("bundle");

    /** Restrictions that hold wherever the property appears. */
    private static final Map<String, Target> ANY_TYPE = Map.of(
            "created_by_ref", Target.only("identity"),                          // §3.2
            "object_marking_refs", Target.only("marking-definition"),           // §3.2, §7.2.2
            "marking_ref", Target.only("marking-definition"),                   // §7.2.3 granular markings
            "observed_data_refs", Target.only("observed-data"),                 // §5.2
            "where_sighted_refs", Target.only("identity", "location"));         // §5.2

    /** Restrictions that depend on the type of the object holding the property, keyed "type/property". */
    private static final Map<String, Target> BY_TYPE = Map.ofEntries(
            // §5.1: source and target are SDOs or SCOs, never SROs, meta objects or bundles.
            Map.entry("relationship/source_ref", new Target(NOT_META_OR_BUNDLE.and(t -> !StixTypeCatalog.SRO_TYPES.contains(t)),
                    "must reference an SDO or SCO")),
            Map.entry("relationship/target_ref", new Target(NOT_META_OR_BUNDLE.and(t -> !StixTypeCatalog.SRO_TYPES.contains(t)),
                    "must reference an SDO or SCO")),
            // §5.2: what was sighted is an SDO (a custom type is taken as one).
            Map.entry("sighting/sighting_of_ref", new Target(NOT_META_OR_BUNDLE.and(t -> StixTypeCatalog.classOf(t) == null
                    || StixTypeCatalog.SDO_TYPES.contains(t)), "must reference an SDO")),
            // §4.14: observed data references SCOs and SROs only.
            Map.entry("observed-data/object_refs", new Target(NOT_SDO.and(NOT_META_OR_BUNDLE), "must reference SCOs or SROs")),
            Map.entry("language-content/object_ref", new Target(t -> !t.equals("bundle") && !t.equals("language-content"),
                    "must not reference a bundle or a language-content object")),
            Map.entry("malware/operating_system_refs", Target.only("software")),
            Map.entry("malware/sample_refs", Target.only("artifact", "file")),
            Map.entry("malware-analysis/host_vm_ref", Target.only("software")),
            Map.entry("malware-analysis/operating_system_ref", Target.only("software")),
            Map.entry("malware-analysis/installed_software_refs", Target.only("software")),
            Map.entry("malware-analysis/sample_ref", Target.only("artifact", "file", "network-traffic")),
            // §6: references between cyber-observable objects.
            Map.entry("directory/contains_refs", Target.only("file", "directory")),
            Map.entry("domain-name/resolves_to_refs", Target.only("ipv4-addr", "ipv6-addr", "domain-name")),
            Map.entry("email-addr/belongs_to_ref", Target.only("user-account")),
            Map.entry("email-message/from_ref", Target.only("email-addr")),
            Map.entry("email-message/sender_ref", Target.only("email-addr")),
            Map.entry("email-message/to_refs", Target.only("email-addr")),
            Map.entry("email-message/cc_refs", Target.only("email-addr")),
            Map.entry("email-message/bcc_refs", Target.only("email-addr")),
            Map.entry("email-message/raw_email_ref", Target.only("artifact")),
            Map.entry("email-message/body_raw_ref", Target.only("artifact", "file")),
            Map.entry("file/parent_directory_ref", Target.only("directory")),
            Map.entry("file/content_ref", Target.only("artifact")),
            Map.entry("ipv4-addr/resolves_to_refs", Target.only("mac-addr")),
            Map.entry("ipv4-addr/belongs_to_refs", Target.only("autonomous-system")),
            Map.entry("ipv6-addr/resolves_to_refs", Target.only("mac-addr")),
            Map.entry("ipv6-addr/belongs_to_refs", Target.only("autonomous-system")),
            Map.entry("network-traffic/src_ref", Target.only("ipv4-addr", "ipv6-addr", "mac-addr", "domain-name")),
            Map.entry("network-traffic/dst_ref", Target.only("ipv4-addr", "ipv6-addr", "mac-addr", "domain-name")),
            Map.entry("network-traffic/src_payload_ref", Target.only("artifact")),
            Map.entry("network-traffic/dst_payload_ref", Target.only("artifact")),
            Map.entry("network-traffic/encapsulates_refs", Target.only("network-traffic")),
            Map.entry("network-traffic/encapsulated_by_ref", Target.only("network-traffic")),
            Map.entry("network-traffic/message_body_data_ref", Target.only("artifact")),
            Map.entry("process/opened_connection_refs", Target.only("network-traffic")),
            Map.entry("process/creator_user_ref", Target.only("user-account")),
            Map.entry("process/image_ref", Target.only("file")),
            Map.entry("process/parent_ref", Target.only("process")),
            Map.entry("process/child_refs", Target.only("process")),
            Map.entry("process/service_dll_refs", Target.only("file")),
            Map.entry("windows-registry-key/creator_user_ref", Target.only("user-account")));

    private ReferenceRules() {
    }

    /** Checks every reference in {@code object}, an object of type {@code type}. */
    static void check(String type, JsonNode object, Violations violations) {
        walk(type, object, "", violations);
    }

    private static void walk(String type, JsonNode node, String path, Violations violations) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(type, node.get(i), Violations.index(path, i), violations);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        for (Map.Entry<String, JsonNode> property : node.properties()) {
            String name = property.getKey();
            JsonNode value = property.getValue();
            String child = Violations.child(path, name);
            if (path.isEmpty() && type.equals("observed-data") && name.equals("objects")) {
                // §4.14: the deprecated embedded "objects" dictionary refers to its members by local keys
                // ("0", "1"), not by identifiers.
                continue;
            }
            if (name.endsWith("_ref")) {
                checkIdentifier(type, name, value, child, violations);
            } else if (name.endsWith("_refs")) {
                if (!value.isArray() || value.isEmpty()) {
                    violations.add(child, "must be a non-empty list of identifiers");
                } else {
                    for (int i = 0; i < value.size(); i++) {
                        checkIdentifier(type, name, value.get(i), Violations.index(child, i), violations);
                    }
                }
            } else {
                walk(type, value, child, violations);
            }
        }
    }

    private static void checkIdentifier(String type, String name, JsonNode value, String path, Violations violations) {
        if (!value.isString()) {
            violations.add(path, "must be an identifier of the form type--UUID");
            return;
        }
        StixId id;
        try {
            id = StixId.parse(value.stringValue());
        } catch (IllegalArgumentException e) {
            violations.add(path, e.getMessage());
            return;
        }
        Target target = BY_TYPE.getOrDefault(type + "/" + name, ANY_TYPE.get(name));
        if (target != null && !target.allows().test(id.type())) {
            violations.add(path, target.description() + ", not " + id.type());
        }
    }
}
