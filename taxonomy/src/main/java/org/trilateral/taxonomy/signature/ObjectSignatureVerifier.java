package org.trilateral.taxonomy.signature;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.trilateral.integrity.jcs.CanonicalForms;
import org.trilateral.integrity.jcs.CanonicalizationException;
import org.trilateral.integrity.jws.Base64Url;
import org.trilateral.integrity.jws.DetachedJws;
import org.trilateral.integrity.jws.Jwk;
import org.trilateral.integrity.jws.JwsAlgorithm;
import org.trilateral.taxonomy.stix.StixJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks the detached JWS signatures that the exchange's signature extension carries on a STIX object. The
 * payload is canonicalised once per object and shared by its signatures; keys come decoded from their
 * {@link Jwk}. Immutable and thread-safe.
 */
public final class ObjectSignatureVerifier {

    private final SignatureEnvelope envelope;

    /**
     * @param extensionId the id of the exchange's signature extension definition
     *     ({@code ExchangeExtensions.OBJECT_SIGNATURE_ID})
     */
    public ObjectSignatureVerifier(String extensionId) {
        this.envelope = new SignatureEnvelope(extensionId);
    }

    /**
     * Parses the object as received with {@code StixJson.mapper()} (duplicate member names refused) and checks its
     * signatures.
     */
    public ObjectVerification verify(byte[] json, JwkLookup keys) {
        JsonNode object;
        try {
            object = StixJson.mapper().readTree(json);
        } catch (JacksonException e) {
            return new ObjectVerification(ObjectVerification.Status.NOT_CANONICALIZABLE,
                    "the object is not I-JSON: " + e.getOriginalMessage(), List.of());
        }
        return verify(object, keys);
    }

    /**
     * The object's RFC 8785 form as received (what its digest is of) and the payload its signatures cover, from one
     * walk: for a caller that needs both, to pass to {@link #verify(JsonNode, CanonicalForms, JwkLookup)}.
     *
     * @throws CanonicalizationException when the object has no RFC 8785 form
     */
    public CanonicalForms canonicalForms(JsonNode object) {
        return envelope.forms(object);
    }

    /**
     * Checks the signatures on an object parsed with {@code StixJson.mapper()}. The object is not modified.
     */
    public ObjectVerification verify(JsonNode object, JwkLookup keys) {
        return verify(object, null, keys);
    }

    /**
     * As {@link #verify(JsonNode, JwkLookup)}, with the payload taken from {@code forms}, which
     * {@link #canonicalForms} made of this same object.
     */
    public ObjectVerification verify(JsonNode object, CanonicalForms forms, JwkLookup keys) {
        if (object == null || !object.isObject()) {
            return new ObjectVerification(ObjectVerification.Status.MALFORMED_EXTENSION,
                    "a signed STIX object must be a JSON object", List.of());
        }
        JsonNode extension = envelope.extension(object);
        if (extension == null) {
            return new ObjectVerification(ObjectVerification.Status.NO_SIGNATURE,
                    "the object has no extensions[\"" + envelope.extensionId() + "\"]", List.of());
        }
        Optional<String> shapeProblem = shapeProblem(extension);
        if (shapeProblem.isPresent()) {
            return new ObjectVerification(ObjectVerification.Status.MALFORMED_EXTENSION, shapeProblem.get(),
                    List.of());
        }
        JsonNode signatures = extension.get(SignatureEnvelope.SIGNATURES);
        if (signatures.isEmpty()) {
            return new ObjectVerification(ObjectVerification.Status.NO_SIGNATURE,
                    "the signature extension's \"signatures\" array is empty", List.of());
        }
        byte[] payload;
        try {
            payload = forms != null ? forms.omitted() : envelope.payload((ObjectNode) object);
        } catch (CanonicalizationException e) {
            return new ObjectVerification(ObjectVerification.Status.NOT_CANONICALIZABLE, e.getMessage(), List.of());
        }
        List<SignatureCheck> checks = new ArrayList<>(signatures.size());
        int index = 0;
        for (JsonNode jws : signatures.values()) {
            checks.add(check(index++, jws, payload, keys));
        }
        long verified = checks.stream().filter(SignatureCheck::verified).count();
        return new ObjectVerification(ObjectVerification.Status.CHECKED,
                verified + " of " + checks.size() + " signatures verified", checks);
    }

    /**
     * The extension must hold exactly {@code extension_type} and {@code signatures}: any other member would be
     * outside what is signed, and so could be altered unnoticed.
     */
    private static Optional<String> shapeProblem(JsonNode extension) {
        if (!extension.isObject()) {
            return Optional.of("the signature extension is not a JSON object");
        }
        if (!SignatureEnvelope.PROPERTY_EXTENSION.equals(
                extension.path(SignatureEnvelope.EXTENSION_TYPE).stringValue(null))) {
            return Optional.of("the signature extension's \"extension_type\" must be \"property-extension\"");
        }
        if (!extension.path(SignatureEnvelope.SIGNATURES).isArray()) {
            return Optional.of("the signature extension's \"signatures\" is missing or not an array");
        }
        for (String name : extension.propertyNames()) {
            if (!name.equals(SignatureEnvelope.EXTENSION_TYPE) && !name.equals(SignatureEnvelope.SIGNATURES)) {
                return Optional.of("the signature extension has the unsigned member \"" + name
                        + "\"; only \"extension_type\" and \"signatures\" are allowed");
            }
        }
        return Optional.empty();
    }

    private static SignatureCheck check(int index, JsonNode jws, byte[] payload, JwkLookup keys) {
        String entry = "signatures[" + index + "]";
        if (!jws.isObject() || !jws.path(SignatureEnvelope.PROTECTED).isString()
                || !jws.path(SignatureEnvelope.SIGNATURE).isString()) {
            return malformed(index, Optional.empty(),
                    entry + " must be an object with string members \"protected\" and \"signature\"");
        }
        String encodedHeader = jws.get(SignatureEnvelope.PROTECTED).stringValue();
        JsonNode header;
        byte[] signature;
        try {
            header = StixJson.mapper().readTree(Base64Url.decode(encodedHeader, entry + ".protected"));
            signature = Base64Url.decode(jws.get(SignatureEnvelope.SIGNATURE).stringValue(), entry + ".signature");
        } catch (IllegalArgumentException e) {
            return malformed(index, Optional.empty(), e.getMessage());
        } catch (JacksonException e) {
            return malformed(index, Optional.empty(),
                    entry + ".protected is not a JSON object: " + e.getOriginalMessage());
        }
        if (!header.isObject() || !header.path("kid").isString() || !header.path("alg").isString()) {
            return malformed(index, Optional.empty(),
                    entry + ".protected must be a JSON object with string members \"alg\" and \"kid\"");
        }
        Optional<String> kid = Optional.of(header.get("kid").stringValue());
        String alg = header.get("alg").stringValue();
        Optional<JwsAlgorithm> algorithm = JwsAlgorithm.fromHeaderValue(alg);
        if (algorithm.isEmpty()) {
            return new SignatureCheck(index, kid, SignatureOutcome.UNSUPPORTED_ALG, entry + " uses alg \"" + alg
                    + "\"; the exchange accepts EdDSA and ES256");
        }
        Optional<String> unencodedPayloadProblem = unencodedPayloadProblem(header);
        if (unencodedPayloadProblem.isPresent()) {
            return malformed(index, kid, entry + ".protected " + unencodedPayloadProblem.get());
        }
        Optional<Jwk> key = keys.find(kid.get());
        if (key.isEmpty()) {
            return new SignatureCheck(index, kid, SignatureOutcome.UNKNOWN_KID,
                    entry + " is by kid " + kid.get() + ", which is not a known key");
        }
        if (!key.get().thumbprint().equals(kid.get())) {
            return new SignatureCheck(index, kid, SignatureOutcome.UNKNOWN_KID, entry + " is by kid " + kid.get()
                    + ", but the key found for it has thumbprint " + key.get().thumbprint());
        }
        if (key.get().algorithm() != algorithm.get()) {
            return new SignatureCheck(index, kid, SignatureOutcome.BAD_SIGNATURE, entry + " claims alg " + alg
                    + " but key " + kid.get() + " signs with " + key.get().algorithm().headerValue());
        }
        if (!key.get().verify(DetachedJws.signingInput(encodedHeader, payload), signature)) {
            return new SignatureCheck(index, kid, SignatureOutcome.BAD_SIGNATURE,
                    entry + " by kid " + kid.get() + " does not verify: the object or the signature was altered");
        }
        return new SignatureCheck(index, kid, SignatureOutcome.VERIFIED,
                entry + " by kid " + kid.get() + " verified");
    }

    /**
     * RFC 7797 §3 and §6: the payload is signed unencoded, so {@code b64} must be false and listed in
     * {@code crit}; RFC 7515 §4.1.11: every {@code crit} entry must be understood, and only {@code b64} is.
     */
    private static Optional<String> unencodedPayloadProblem(JsonNode header) {
        JsonNode b64 = header.get(DetachedJws.B64);
        if (b64 == null || !b64.isBoolean() || b64.booleanValue()) {
            return Optional.of("must have \"b64\": false (RFC 7797 §3)");
        }
        JsonNode crit = header.get("crit");
        if (crit == null || !crit.isArray() || crit.size() != 1
                || !DetachedJws.B64.equals(crit.get(0).stringValue(null))) {
            return Optional.of("must have \"crit\": [\"b64\"] (RFC 7797 §6, RFC 7515 §4.1.11)");
        }
        return Optional.empty();
    }

    private static SignatureCheck malformed(int index, Optional<String> kid, String message) {
        return new SignatureCheck(index, kid, SignatureOutcome.MALFORMED, message);
    }
}
