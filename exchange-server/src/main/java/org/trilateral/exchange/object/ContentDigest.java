package org.trilateral.exchange.object;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.trilateral.integrity.jcs.JsonCanonicalizer;
import tools.jackson.databind.JsonNode;

/**
 * The SHA-256 of an object's RFC 8785 canonical form: the same object sent with other white space or member
 * order has the same digest, so a re-post of a stored version is recognised, and a different object claiming
 * the same id and version is not mistaken for it.
 */
final class ContentDigest {

    private ContentDigest() {
    }

    /** @throws org.trilateral.integrity.jcs.CanonicalizationException when the object is outside I-JSON */
    static byte[] of(JsonNode object) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(JsonCanonicalizer.canonicalize(object));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
