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

    /** A vkey's parts: the key's name, its 8-hex-digit id and the public key after the type byte. */
    record ParsedVkey(String name, String id, byte[] publicKey) {
    }

    /**
     * Reads a vkey text {@code <name>+<8 hex digits>+<base64(type || key)>} of the given signature type.
     *
     * @param what how messages name the key, e.g. "verifier key"
     * @param typeName how messages name the type, e.g. "an Ed25519 key (type byte 0x01)"
     */
    static ParsedVkey parseVkey(String vkey, byte type, String what, String typeName) {
        // At most three parts: the base64 key may contain '+'; names and hex hashes cannot.
        String[] parts = vkey.split("\\+", 3);
        if (parts.length != 3) {
            throw new NoteFormatException("a " + what + " has the form <name>+<hash>+<key>, not \"" + vkey + "\"");
        }
        if (!parts[1].matches("[0-9a-f]{8}")) {
            throw new NoteFormatException("the " + what + " hash \"" + parts[1] + "\" is not 8 lowercase hex digits");
        }
        byte[] typed;
        try {
            typed = java.util.Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new NoteFormatException("the " + what + " \"" + parts[0] + "\" is not valid base64", e);
        }
        if (typed.length == 0 || typed[0] != type) {
            throw new NoteFormatException("the " + what + " \"" + parts[0] + "\" is not " + typeName);
        }
        return new ParsedVkey(parts[0], parts[1], java.util.Arrays.copyOfRange(typed, 1, typed.length));
    }

    /** The vkey text of a key: {@code <name>+<id hex>+<base64(type || key)>}. */
    static String formatVkey(String name, byte[] id, byte type, byte[] publicKey) {
        byte[] typed = new byte[1 + publicKey.length];
        typed[0] = type;
        System.arraycopy(publicKey, 0, typed, 1, publicKey.length);
        return name + "+" + java.util.HexFormat.of().formatHex(id) + "+" + java.util.Base64.getEncoder().encodeToString(typed);
    }
}
