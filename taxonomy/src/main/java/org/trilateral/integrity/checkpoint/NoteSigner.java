package org.trilateral.integrity.checkpoint;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Signs notes with an Ed25519 note key (C2SP signed-note, "Ed25519"). Immutable and thread-safe.
 * {@link #toString()} never shows the private key.
 */
public final class NoteSigner {

    private static final String PRIVATE_KEY_PREFIX = "PRIVATE+KEY+";

    private final String name;
    private final Ed25519PrivateKeyParameters privateKey;
    private final Ed25519PublicKeyParameters publicKey;
    private final NoteVerifierKey verifierKey;

    /**
     * @param name the key name; for a log's checkpoints, its origin
     * @param ed25519PrivateKey the 32-byte Ed25519 private key (RFC 8032 seed)
     */
    public NoteSigner(String name, byte[] ed25519PrivateKey) {
        NoteKeys.requireKeyName(name);
        if (ed25519PrivateKey.length != Ed25519PrivateKeyParameters.KEY_SIZE) {
            throw new NoteFormatException("an Ed25519 private key is " + Ed25519PrivateKeyParameters.KEY_SIZE
                    + " bytes, not " + ed25519PrivateKey.length);
        }
        this.name = name;
        this.privateKey = new Ed25519PrivateKeyParameters(ed25519PrivateKey);
        this.publicKey = privateKey.generatePublicKey();
        this.verifierKey = new NoteVerifierKey(name, publicKey.getEncoded());
    }

    /** A signer with a new random key. */
    public static NoteSigner generate(String name) {
        byte[] seed = new byte[Ed25519PrivateKeyParameters.KEY_SIZE];
        new SecureRandom().nextBytes(seed);
        return new NoteSigner(name, seed);
    }

    /**
     * Parses the signer key text {@code PRIVATE+KEY+<name>+<hex key hash>+<base64(0x01 || private key)>}, the form
     * used by the Go reference implementation (golang.org/x/mod/sumdb/note).
     */
    public static NoteSigner parse(String skey) {
        if (!skey.startsWith(PRIVATE_KEY_PREFIX)) {
            throw new NoteFormatException("a signer key starts with \"PRIVATE+KEY+\"");
        }
        // At most three parts: the base64 key may contain '+'; names and hex hashes cannot.
        String[] parts = skey.substring(PRIVATE_KEY_PREFIX.length()).split("\\+", 3);
        if (parts.length != 3) {
            throw new NoteFormatException("a signer key has the form PRIVATE+KEY+<name>+<hash>+<key>");
        }
        byte[] typedKey;
        try {
            typedKey = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new NoteFormatException("the signer key \"" + parts[0] + "\" is not valid base64", e);
        }
        if (typedKey.length == 0 || typedKey[0] != NoteKeys.ED25519_TYPE) {
            throw new NoteFormatException("the signer key \"" + parts[0] + "\" is not an Ed25519 key (type 0x01)");
        }
        NoteSigner signer = new NoteSigner(parts[0], Arrays.copyOfRange(typedKey, 1, typedKey.length));
        String expectedHash = HexFormat.of().formatHex(signer.verifierKey.keyHash());
        if (!expectedHash.equals(parts[1])) {
            throw new NoteFormatException("the signer key \"" + parts[0] + "\" has hash " + parts[1]
                    + " but its name and public key hash to " + expectedHash);
        }
        return signer;
    }

    /** The signer key text; keep it secret. */
    public String format() {
        byte[] typedKey = new byte[1 + Ed25519PrivateKeyParameters.KEY_SIZE];
        typedKey[0] = NoteKeys.ED25519_TYPE;
        privateKey.encode(typedKey, 1);
        return PRIVATE_KEY_PREFIX + name + "+" + HexFormat.of().formatHex(verifierKey.keyHash()) + "+"
                + Base64.getEncoder().encodeToString(typedKey);
    }

    public String name() {
        return name;
    }

    /** The verifier key to publish. */
    public NoteVerifierKey verifierKey() {
        return verifierKey;
    }

    /** The signature of the note text: Ed25519 over its UTF-8 bytes. */
    public NoteSignature sign(String text) {
        SignedNote.requireValidText(text);
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        byte[] signature = new byte[Ed25519PrivateKeyParameters.SIGNATURE_SIZE];
        privateKey.sign(Ed25519.Algorithm.Ed25519, publicKey, null, message, 0, message.length, signature, 0);
        return NoteSignature.of(name, verifierKey.keyHash(), signature);
    }

    @Override
    public String toString() {
        return "NoteSigner[" + verifierKey.format() + "]";
    }
}
