package org.trilateral.taxonomy.stix;

import tools.jackson.databind.JsonNode;

/**
 * The kinds of STIX 2.1 objects, which decide the common properties an object must carry: domain objects
 * (§4), relationship objects (§5), cyber-observable objects (§6) and meta objects (§7).
 */
public enum StixObjectClass {
    /** STIX Domain Object (§4). */
    SDO,
    /** STIX Relationship Object (§5). */
    SRO,
    /** STIX Cyber-observable Object (§6). */
    SCO,
    /** Marking definition, language content, extension definition (§7). */
    META;

    /**
     * The class of a STIX object. Types defined by STIX 2.1 have a fixed class; a custom type is a new SDO,
     * SCO or SRO when one of its {@code extensions} says so with {@code extension_type} (§7.3), otherwise
     * it is taken as SDO-like when it carries {@code created} or {@code modified} and SCO-like when not.
     */
    public static StixObjectClass of(String type, JsonNode object) {
        StixObjectClass known = StixTypeCatalog.classOf(type);
        if (known != null) {
            return known;
        }
        JsonNode extensions = object.get("extensions");
        if (extensions != null && extensions.isObject()) {
            for (JsonNode extension : extensions) {
                JsonNode extensionType = extension.get("extension_type");
                String declared = extensionType != null && extensionType.isString() ? extensionType.stringValue() : "";
                switch (declared) {
                    case "new-sdo": return SDO;
                    case "new-sco": return SCO;
                    case "new-sro": return SRO;
                    default: break;
                }
            }
        }
        return object.has("created") || object.has("modified") ? SDO : SCO;
    }
}
