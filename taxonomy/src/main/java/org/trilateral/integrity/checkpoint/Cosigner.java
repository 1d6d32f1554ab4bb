package org.trilateral.integrity.checkpoint;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Makes Ed25519 {@code cosignature/v1} cosignatures (C2SP tlog-cosignature): what a witness adds to a checkpoint it
 * has checked. Its secret text is {@code PRIVATE+KEY+<name>+<hex key id>+<base64(0x04 || 32-byte seed)>}, in the
 * shape of the signed-note signer keys. Immutable and thread-safe; {@link #toString()} never shows the key.
 */
public final class Cosigner {

    private static final String PRIVATE_KEY_PREFIX = "PRIVATE+KEY+";

    private final Ed25519PrivateKeyParameters privateKey;
    private final Ed25519PublicKeyParameters publicKey;
    private final CosignerKey key;

    /**
     * @param name the cosigner's name
     * @param seed the 32-byte Ed25519 private key (RFC 8032 seed)
     */
    public Cosigner(String name, byte[] seed) {
        if (seed == null || seed.length != Ed25519PrivateKeyParameters.KEY_SIZE) {
            throw new NoteFormatException("an Ed25519 private key is 32 bytes");
        }
        this.privateKey = new Ed25519PrivateKeyParameters(seed);
        this.publicKey = privateKey.generatePublicKey();
        this.key = new CosignerKey(name, publicKey.getEncoded());
    }

    /** A cosigner with a new random key. */
    public static Cosigner generate(String name) {
        byte[] seed = new byte[Ed25519PrivateKeyParameters.KEY_SIZE];
        new SecureRandom().nextBytes(seed);
        return new Cosigner(name, seed);
    }

    /** Parses the secret text written by {@link #format()}, checking its key id. */
    public static Cosigner parse(String skey) {
        String text = skey.strip();
        if (!text.startsWith(PRIVATE_KEY_PREFIX)) {
            throw new NoteFormatException("a cosigner secret key starts with \"PRIVATE+KEY+\"");
        }
        String[] parts = text.substring(PRIVATE_KEY_PREFIX.length()).split("\\+", 3);
        if (parts.length != 3) {
            throw new NoteFormatException("a cosigner secret key has the form PRIVATE+KEY+<name>+<id>+<key>");
        }
        byte[] typed;
        try {
            typed = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new NoteFormatException("the cosigner secret key \"" + parts[0] + "\" is not valid base64", e);
        }
        if (typed.length == 0 || typed[0] != NoteKeys.COSIGNATURE_V1_TYPE) {
            throw new NoteFormatException("the cosigner secret key \"" + parts[0] + "\" is not of type 0x04");
        }
        Cosigner cosigner = new Cosigner(parts[0], Arrays.copyOfRange(typed, 1, typed.length));
        String id = cosigner.key.format().split("\\+", 3)[1];
        if (!id.equals(parts[1])) {
            throw new NoteFormatException("the cosigner secret key \"" + parts[0] + "\" has id " + parts[1]
                    + " but its name and key give " + id);
        }
        return cosigner;
    }

    /** The secret text; keep it secret. */
    public String format() {
        byte[] typed = new byte[1 + Ed25519PrivateKeyParameters.KEY_SIZE];
        typed[0] = NoteKeys.COSIGNATURE_V1_TYPE;
        privateKey.encode(typed, 1);
        return PRIVATE_KEY_PREFIX + key.name() + "+" + HexFormat.of().formatHex(
                NoteKeys.keyHash(key.name(), NoteKeys.COSIGNATURE_V1_TYPE, key.publicKey())) + "+"
                + Base64.getEncoder().encodeToString(typed);
    }

    /** The public key to give to log clients. */
    public CosignerKey key() {
        return key;
    }

    /**
     * The cosignature line for a checkpoint note text, timestamped {@code timestamp} (POSIX seconds).
     *
     * @param checkpointText the note text (without signature lines), ending with a newline
     */
    public NoteSignature cosign(String checkpointText, long timestamp) {
        SignedNote.requireValidText(checkpointText);
        byte[] message = Cosignature.signedMessage(timestamp, checkpointText);
        byte[] timestamped = new byte[Cosignature.TIMESTAMPED_SIGNATURE_BYTES];
        ByteBuffer.wrap(timestamped).putLong(timestamp);
        privateKey.sign(Ed25519.Algorithm.Ed25519, publicKey, null, message, 0, message.length, timestamped, 8);
        return NoteSignature.of(key.name(), NoteKeys.keyHash(key.name(), NoteKeys.COSIGNATURE_V1_TYPE,
                key.publicKey()), timestamped);
    }

    @Override
    public String toString() {
        return "Cosigner[" + key.format() + "]";
    }
}
