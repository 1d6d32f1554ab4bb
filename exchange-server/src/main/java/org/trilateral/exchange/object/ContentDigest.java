package org.trilateral.exchange.object;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.trilateral.taxonomy.stix.StixJson;
import tools.jackson.databind.JsonNode;

/**
 * The SHA-256 that identifies an object version's content, so a re-post of the same version can be told
 * apart from a different object claiming the same id and version.
 */
final class ContentDigest {

    private ContentDigest() {
    }

    static byte[] of(JsonNode object) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(StixJson.mapper().writeValueAsBytes(object));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
