package org.trilateral.integrity.checkpoint;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;

/**
 * One signature line of a signed note: {@code — <key name> <base64(4-byte key hash || signature)>} (C2SP
 * signed-note, "Signatures").
 *
 * @param keyName the signing key's name
 * @param keyHash the 4-byte key hash as an unsigned big-endian integer
 * @param signature the signature bytes (64 for Ed25519)
 */
public record NoteSignature(String keyName, long keyHash, byte[] signature) {

    /** The line prefix: U+2014 EM DASH and a space. */
    static final String LINE_PREFIX = "\u2014 ";

    public NoteSignature {
        NoteKeys.requireKeyName(keyName);
        if (keyHash < 0 || keyHash > 0xFFFF_FFFFL) {
            throw new NoteFormatException("a note key hash is 4 bytes, not " + keyHash);
        }
        if (signature == null || signature.length == 0) {
            throw new NoteFormatException("the signature by \"" + keyName + "\" is empty");
        }
        signature = signature.clone();
    }

    static NoteSignature of(String keyName, byte[] keyHash, byte[] signature) {
        return new NoteSignature(keyName, Integer.toUnsignedLong(ByteBuffer.wrap(keyHash).getInt()), signature);
    }

    /** Parses one line, without its newline. */
    public static NoteSignature parseLine(String line) {
        if (!line.startsWith(LINE_PREFIX)) {
            throw new NoteFormatException("the signature line \"" + line + "\" does not start with \"\u2014 \"");
        }
        String rest = line.substring(LINE_PREFIX.length());
        int space = rest.indexOf(' ');
        if (space < 0 || rest.indexOf(' ', space + 1) >= 0) {
            throw new NoteFormatException("the signature line \"" + line
                    + "\" is not \"\u2014 <key name> <base64 signature>\"");
        }
        String name = rest.substring(0, space);
        byte[] hashAndSignature;
        try {
            hashAndSignature = Base64.getDecoder().decode(rest.substring(space + 1));
        } catch (IllegalArgumentException e) {
            throw new NoteFormatException("the signature by \"" + name + "\" is not valid base64", e);
        }
        if (hashAndSignature.length <= NoteKeys.KEY_HASH_BYTES) {
            throw new NoteFormatException("the signature by \"" + name + "\" is too short to hold a key hash "
                    + "and a signature");
        }
        return of(name, Arrays.copyOf(hashAndSignature, NoteKeys.KEY_HASH_BYTES),
                Arrays.copyOfRange(hashAndSignature, NoteKeys.KEY_HASH_BYTES, hashAndSignature.length));
    }

    /** The line, with its trailing newline. */
    public String formatLine() {
        byte[] hashAndSignature = new byte[NoteKeys.KEY_HASH_BYTES + signature.length];
        System.arraycopy(keyHashBytes(), 0, hashAndSignature, 0, NoteKeys.KEY_HASH_BYTES);
        System.arraycopy(signature, 0, hashAndSignature, NoteKeys.KEY_HASH_BYTES, signature.length);
        return LINE_PREFIX + keyName + " " + Base64.getEncoder().encodeToString(hashAndSignature) + "\n";
    }

    byte[] keyHashBytes() {
        return ByteBuffer.allocate(NoteKeys.KEY_HASH_BYTES).putInt((int) keyHash).array();
    }

    /** A copy of the signature bytes. */
    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NoteSignature that && keyName.equals(that.keyName) && keyHash == that.keyHash
                && Arrays.equals(signature, that.signature);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * keyName.hashCode() + Long.hashCode(keyHash)) + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return "NoteSignature[" + keyName + "+" + String.format("%08x", keyHash) + "]";
    }
}
