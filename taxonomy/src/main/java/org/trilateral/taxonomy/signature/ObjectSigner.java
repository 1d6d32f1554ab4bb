package org.trilateral.taxonomy.signature;

import java.util.Objects;
import org.trilateral.integrity.jws.Base64Url;
import org.trilateral.integrity.jws.DetachedJws;
import org.trilateral.integrity.jws.SigningKey;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Adds a member's detached JWS to a STIX object, in the signature property extension, keeping the signatures
 * already there. Each object version is signed on its own: the payload is the whole version as it stands.
 * Immutable and thread-safe.
 *
 * <p>Sign the tree that will be published byte for byte (or its parse with {@code StixJson.mapper()}), never a
 * tree rebuilt from a Java model: the verifier canonicalises what it receives.
 */
public final class ObjectSigner {

    private final SignatureEnvelope envelope;
    private final SigningKey key;
    private final String encodedProtectedHeader;

    /**
     * @param extensionId the id of the exchange's signature extension definition
     *     ({@code ExchangeExtensions.OBJECT_SIGNATURE_ID}); must be an {@code extension-definition--<uuid>}
     * @param key the member's signing key; its thumbprint becomes the {@code kid}
     */
    public ObjectSigner(String extensionId, SigningKey key) {
        this.envelope = new SignatureEnvelope(extensionId);
        this.key = Objects.requireNonNull(key, "key");
        this.encodedProtectedHeader = DetachedJws.protectedHeader(key.algorithm(), key.kid());
    }

    /**
     * Signs {@code object} and appends the signature to {@code extensions[extensionId].signatures}, creating the
     * extension when absent. Modifies and returns the given node.
     *
     * @throws IllegalArgumentException if the existing signature extension is not shaped as the exchange defines
     * @throws org.trilateral.integrity.jcs.CanonicalizationException if the object is outside I-JSON
     */
    public ObjectNode sign(ObjectNode object) {
        ArrayNode signatures = signaturesOf(object);
        byte[] payload = envelope.payload(object);
        byte[] signature = key.sign(DetachedJws.signingInput(encodedProtectedHeader, payload));
        ObjectNode jws = signatures.addObject();
        jws.put(SignatureEnvelope.PROTECTED, encodedProtectedHeader);
        jws.put(SignatureEnvelope.SIGNATURE, Base64Url.encode(signature));
        return object;
    }

    private ArrayNode signaturesOf(ObjectNode object) {
        JsonNode extensions = object.get(SignatureEnvelope.EXTENSIONS);
        if (extensions != null && !extensions.isObject()) {
            throw new IllegalArgumentException("the object's \"extensions\" is not a JSON object");
        }
        ObjectNode extensionsObject = extensions == null
                ? object.putObject(SignatureEnvelope.EXTENSIONS)
                : (ObjectNode) extensions;
        JsonNode existing = extensionsObject.get(envelope.extensionId());
        if (existing == null) {
            ObjectNode extension = extensionsObject.putObject(envelope.extensionId());
            extension.put(SignatureEnvelope.EXTENSION_TYPE, SignatureEnvelope.PROPERTY_EXTENSION);
            return extension.putArray(SignatureEnvelope.SIGNATURES);
        }
        String where = "extensions[\"" + envelope.extensionId() + "\"]";
        if (!existing.isObject()
                || !SignatureEnvelope.PROPERTY_EXTENSION.equals(existing.path(SignatureEnvelope.EXTENSION_TYPE)
                        .stringValue(null))
                || !existing.path(SignatureEnvelope.SIGNATURES).isArray()) {
            throw new IllegalArgumentException(where + " must be an object with \"extension_type\": "
                    + "\"property-extension\" and a \"signatures\" array");
        }
        return (ArrayNode) existing.get(SignatureEnvelope.SIGNATURES);
    }
}
