package org.trilateral.integrity.checkpoint;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * An Ed25519 note verifier key, written {@code <name>+<hex key hash>+<base64(0x01 || public key)>} (C2SP
 * signed-note, "Verifier keys"). Immutable; the public key is decoded once.
 */
public final class NoteVerifierKey {

    private static final int PUBLIC_KEY_BYTES = 32;
    private static final int SIGNATURE_BYTES = 64;

    private final String name;
    private final byte[] publicKey;
    private final byte[] keyHash;
    private final Ed25519PublicKeyParameters decoded;

    /**
     * @param name the key name (the log's origin, by convention)
     * @param publicKey the 32-byte Ed25519 public key
     */
    public NoteVerifierKey(String name, byte[] publicKey) {
        this.name = NoteKeys.requireKeyName(name);
        if (publicKey.length != PUBLIC_KEY_BYTES) {
            throw new NoteFormatException("an Ed25519 note key is " + PUBLIC_KEY_BYTES + " bytes, not "
                    + publicKey.length);
        }
        this.publicKey = publicKey.clone();
        try {
            this.decoded = new Ed25519PublicKeyParameters(this.publicKey);
        } catch (IllegalArgumentException e) {
            throw new NoteFormatException("the note key \"" + name + "\" is not an Ed25519 point", e);
        }
        this.keyHash = NoteKeys.keyHash(name, this.publicKey);
    }

    /** Parses the vkey text form, checking that the key hash matches the name and key. */
    public static NoteVerifierKey parse(String vkey) {
        NoteKeys.ParsedVkey parsed = NoteKeys.parseVkey(vkey, NoteKeys.ED25519_TYPE, "verifier key",
                "an Ed25519 key (type byte 0x01)");
        NoteVerifierKey key = new NoteVerifierKey(parsed.name(), parsed.publicKey());
        if (!HexFormat.of().formatHex(key.keyHash).equals(parsed.id())) {
            throw new NoteFormatException("the verifier key \"" + parsed.name() + "\" has hash " + parsed.id()
                    + " but its name and key hash to " + HexFormat.of().formatHex(key.keyHash));
        }
        return key;
    }

    /** The vkey text form. */
    public String format() {
        return NoteKeys.formatVkey(name, keyHash, NoteKeys.ED25519_TYPE, publicKey);
    }

    public String name() {
        return name;
    }

    /** The 32-byte Ed25519 public key, as a copy. */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The 4-byte key hash that signature lines carry, as a copy. */
    public byte[] keyHash() {
        return keyHash.clone();
    }

    /** True when {@code signature} names this key (same name and key hash). */
    boolean matches(NoteSignature signature) {
        return name.equals(signature.keyName()) && Arrays.equals(keyHash, signature.keyHashBytes());
    }

    /** True when the signature is a valid Ed25519 signature of the note text (UTF-8) by this key. */
    boolean verify(byte[] text, byte[] signature) {
        return signature.length == SIGNATURE_BYTES
                && decoded.verify(Ed25519.Algorithm.Ed25519, null, text, 0, text.length, signature, 0);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NoteVerifierKey that && name.equals(that.name)
                && Arrays.equals(publicKey, that.publicKey);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return format();
    }
}
