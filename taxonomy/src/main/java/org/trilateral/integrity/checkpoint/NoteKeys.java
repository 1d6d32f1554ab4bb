package org.trilateral.integrity.checkpoint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Rules shared by note verifier and signer keys (C2SP signed-note, "Verifier keys" and "Signature types"). */
final class NoteKeys {

    /** The signature type byte of Ed25519 note keys. */
    static final byte ED25519_TYPE = 0x01;
    /** The signature type byte of Ed25519 cosigner keys (C2SP tlog-cosignature, cosignature/v1). */
    static final byte COSIGNATURE_V1_TYPE = 0x04;
    static final int KEY_HASH_BYTES = 4;

    private NoteKeys() {
    }

    /** Key names are non-empty and contain no Unicode whitespace and no '+'. */
    static String requireKeyName(String name) {
        if (name == null || name.isEmpty()) {
            throw new NoteFormatException("a note key name must not be empty");
        }
        for (int i = 0; i < name.length(); ) {
            int codePoint = name.codePointAt(i);
            if (codePoint == '+' || Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)
                    || Character.isISOControl(codePoint)) {
                throw new NoteFormatException("the note key name \"" + name
                        + "\" contains a space, control character or '+', which key names must not");
            }
            i += Character.charCount(codePoint);
        }
        return name;
    }

    /** The first four bytes of SHA-256(key name || 0x0A || 0x01 || public key). */
    static byte[] keyHash(String name, byte[] publicKey) {
        return keyHash(name, ED25519_TYPE, publicKey);
    }

    /** The first four bytes of SHA-256(key name || 0x0A || type || public key). */
    static byte[] keyHash(String name, byte type, byte[] publicKey) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(name.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) '\n');
            sha256.update(type);
            sha256.update(publicKey);
            byte[] hash = new byte[KEY_HASH_BYTES];
            System.arraycopy(sha256.digest(), 0, hash, 0, KEY_HASH_BYTES);
            return hash;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
