package org.trilateral.integrity.checkpoint;

import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * The public key of a witness (a cosigner) that makes Ed25519 {@code cosignature/v1} cosignatures (C2SP
 * tlog-cosignature). Its vkey text is {@code <name>+<hex key id>+<base64(0x04 || 32-byte public key)>}, the key id
 * being {@code SHA-256(<name> || "\n" || 0x04 || public key)[:4]}. Immutable.
 */
public final class CosignerKey {

    private static final int PUBLIC_KEY_BYTES = 32;

    private final String name;
    private final byte[] publicKey;
    private final byte[] keyId;
    private final Ed25519PublicKeyParameters decoded;

    /**
     * @param name the cosigner's name, a schema-less URL by convention (e.g. {@code witness.jp.example/w1})
     * @param publicKey its 32-byte Ed25519 public key
     */
    public CosignerKey(String name, byte[] publicKey) {
        this.name = NoteKeys.requireKeyName(name);
        if (publicKey == null || publicKey.length != PUBLIC_KEY_BYTES) {
            throw new NoteFormatException("an Ed25519 cosigner key is " + PUBLIC_KEY_BYTES + " bytes");
        }
        this.publicKey = publicKey.clone();
        try {
            this.decoded = new Ed25519PublicKeyParameters(this.publicKey);
        } catch (IllegalArgumentException e) {
            throw new NoteFormatException("the cosigner key \"" + name + "\" is not an Ed25519 point", e);
        }
        this.keyId = NoteKeys.keyHash(name, NoteKeys.COSIGNATURE_V1_TYPE, this.publicKey);
    }

    /** Parses the vkey text, checking the key id against the name and key and the type byte 0x04. */
    public static CosignerKey parse(String vkey) {
        NoteKeys.ParsedVkey parsed = NoteKeys.parseVkey(vkey.strip(), NoteKeys.COSIGNATURE_V1_TYPE, "cosigner key",
                "an Ed25519 cosignature/v1 key (type byte 0x04)");
        CosignerKey key = new CosignerKey(parsed.name(), parsed.publicKey());
        if (!HexFormat.of().formatHex(key.keyId).equals(parsed.id())) {
            throw new NoteFormatException("the cosigner key \"" + parsed.name() + "\" has id " + parsed.id()
                    + " but its name and key give " + HexFormat.of().formatHex(key.keyId));
        }
        return key;
    }

    /** The vkey text form. */
    public String format() {
        return NoteKeys.formatVkey(name, keyId, NoteKeys.COSIGNATURE_V1_TYPE, publicKey);
    }

    public String name() {
        return name;
    }

    /** A copy of the 32-byte public key. */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /**
     * This cosigner's cosignature among the note's signature lines, verified over the note's text.
     *
     * @return empty when no line carries this cosigner's name and key id
     * @throws NoteVerificationException when a line names this cosigner but does not verify (the note is then
     *     malformed, C2SP signed-note)
     */
    public Optional<Cosignature> cosignatureOf(SignedNote note) {
        for (NoteSignature line : note.signatures()) {
            if (!name.equals(line.keyName()) || !Arrays.equals(keyId, line.keyHashBytes())) {
                continue;
            }
            byte[] timestamped = line.signature();
            if (timestamped.length != Cosignature.TIMESTAMPED_SIGNATURE_BYTES) {
                throw new NoteVerificationException("the cosignature by " + name + " is " + timestamped.length
                        + " bytes, not a timestamp and an Ed25519 signature (72 bytes)");
            }
            long timestamp = Cosignature.timestampOf(timestamped);
            byte[] message = Cosignature.signedMessage(timestamp, note.text());
            if (!decoded.verify(Ed25519.Algorithm.Ed25519, null, message, 0, message.length, timestamped, 8)) {
                throw new NoteVerificationException("the cosignature by " + name + " does not verify over the"
                        + " checkpoint (timestamp " + timestamp + ")");
            }
            return Optional.of(new Cosignature(this, Instant.ofEpochSecond(timestamp), line));
        }
        return Optional.empty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CosignerKey that && name.equals(that.name) && Arrays.equals(publicKey, that.publicKey);
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
