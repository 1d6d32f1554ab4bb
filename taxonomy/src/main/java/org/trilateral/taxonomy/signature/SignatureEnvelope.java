package org.trilateral.taxonomy.signature;

import org.trilateral.integrity.jcs.CanonicalForms;
import org.trilateral.integrity.jcs.JsonCanonicalizer;
import org.trilateral.taxonomy.stix.StixId;
import org.trilateral.taxonomy.stix.StixJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Where signatures live in a STIX object: the property extension {@code extensions[<id>]} with
 * {@code extension_type} {@code property-extension} and a {@code signatures} array (STIX 2.1 §7.3), and what is
 * signed: the RFC 8785 form of the object without that extension.
 */
final class SignatureEnvelope {

    static final String EXTENSIONS = "extensions";
    static final String EXTENSION_TYPE = "extension_type";
    static final String PROPERTY_EXTENSION = "property-extension";
    static final String SIGNATURES = "signatures";
    static final String PROTECTED = "protected";
    static final String SIGNATURE = "signature";

    private final String extensionId;

    SignatureEnvelope(String extensionId) {
        if (extensionId == null) {
            throw new IllegalArgumentException("the signature extension id is missing");
        }
        StixId id = StixId.parse(extensionId);
        if (!id.type().equals("extension-definition")) {
            throw new IllegalArgumentException("the signature extension id \"" + extensionId
                    + "\" is not an extension-definition id (STIX 2.1 §7.3)");
        }
        this.extensionId = extensionId;
    }

    String extensionId() {
        return extensionId;
    }

    /** The signature extension's value, or null when the object has none. */
    JsonNode extension(JsonNode object) {
        JsonNode extensions = object.get(EXTENSIONS);
        return extensions == null || !extensions.isObject() ? null : extensions.get(extensionId);
    }

    /**
     * The canonical bytes signed: the object with the signature extension removed, and {@code extensions}
     * removed when that leaves it empty. Copies only the two levels it changes; the input is not modified.
     */
    /**
     * The object's canonical bytes as received and, from the same walk, the {@link #payload} its signatures cover.
     *
     * @throws org.trilateral.integrity.jcs.CanonicalizationException when the object has no RFC 8785 form
     */
    CanonicalForms forms(JsonNode object) {
        return JsonCanonicalizer.canonicalizeOmitting(object, EXTENSIONS, extensionId);
    }

    byte[] payload(ObjectNode object) {
        ObjectNode unsigned = StixJson.mapper().createObjectNode();
        for (var member : object.properties()) {
            unsigned.set(member.getKey(), member.getValue());
        }
        JsonNode extensions = object.get(EXTENSIONS);
        if (extensions != null && extensions.isObject() && extensions.has(extensionId)) {
            ObjectNode others = StixJson.mapper().createObjectNode();
            for (var member : extensions.properties()) {
                if (!member.getKey().equals(extensionId)) {
                    others.set(member.getKey(), member.getValue());
                }
            }
            if (others.isEmpty()) {
                unsigned.remove(EXTENSIONS);
            } else {
                unsigned.set(EXTENSIONS, others);
            }
        }
        return JsonCanonicalizer.canonicalize(unsigned);
    }
}
