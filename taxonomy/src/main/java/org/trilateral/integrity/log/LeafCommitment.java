package org.trilateral.integrity.log;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import org.trilateral.integrity.jcs.JsonCanonicalizer;
import tools.jackson.databind.JsonNode;

/**
 * The commitment of a sealed leaf: {@code SHA-256(salt || JCS(entry))}, the salt 32 random bytes kept by the
 * exchange and handed out with the entry only to members who may read the object. Without the salt the
 * commitment is a random-looking value: it cannot confirm a guess about the entry.
 */
public final class LeafCommitment {

    /** Bytes of a commitment (SHA-256). */
    public static final int SIZE = 32;
    /** Bytes of a salt. */
    public static final int SALT_BYTES = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    private LeafCommitment() {
    }

    /** A new random salt. */
    public static byte[] newSalt() {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return salt;
    }

    /** {@code SHA-256(salt || JCS(entry))}. */
    public static byte[] of(byte[] salt, JsonNode entry) {
        if (salt == null || salt.length != SALT_BYTES) {
            throw new LeafFormatException("a salt is " + SALT_BYTES + " bytes");
        }
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(salt);
            sha256.update(JsonCanonicalizer.canonicalize(entry));
            return sha256.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
