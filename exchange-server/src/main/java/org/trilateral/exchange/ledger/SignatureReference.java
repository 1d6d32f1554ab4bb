package org.trilateral.exchange.ledger;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import org.trilateral.taxonomy.extension.ExchangeExtensions;
import org.trilateral.taxonomy.stix.StixJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The signature a leaf names: an entry of the object's signature extension (the one ingest verified), as the JWS compact
 * serialisation with a detached payload ({@code <protected>..<signature>}, RFC 7515 Appendix F), and the
 * {@code kid} of its protected header. Reading it is not verifying it.
 *
 * @param kid               the signer's key id, when the protected header names one
 * @param compactDetached   {@code <protected>..<signature>}
 */
public record SignatureReference(Optional<String> kid, String compactDetached) {

    public SignatureReference {
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(compactDetached, "compactDetached");
    }

    /** The first signature on {@code object}, or empty when it carries none. */
    public static Optional<SignatureReference> of(JsonNode object) {
        return of(object, 0);
    }

    /**
     * The signature at {@code index} of the object's signature extension (ingest names the one that verified with
     * the publisher's valid key), or empty when there is none there.
     */
    public static Optional<SignatureReference> of(JsonNode object, int index) {
        JsonNode first = object.path("extensions").path(ExchangeExtensions.OBJECT_SIGNATURE_ID)
                .path("signatures").path(index);
        JsonNode header = first.path("protected");
        JsonNode signature = first.path("signature");
        if (!header.isString() || !signature.isString()) {
            return Optional.empty();
        }
        return Optional.of(new SignatureReference(kidOf(header.stringValue()),
                header.stringValue() + ".." + signature.stringValue()));
    }

    private static Optional<String> kidOf(String encodedHeader) {
        try {
            JsonNode kid = StixJson.mapper().readTree(new String(Base64.getUrlDecoder().decode(encodedHeader),
                    StandardCharsets.UTF_8)).path("kid");
            return kid.isString() ? Optional.of(kid.stringValue()) : Optional.empty();
        } catch (IllegalArgumentException | JacksonException e) {
            // The extension validator refuses such headers at ingest; a leaf simply names no kid for them.
            return Optional.empty();
        }
    }
}
