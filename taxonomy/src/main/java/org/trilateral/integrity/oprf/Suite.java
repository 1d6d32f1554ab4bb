package org.trilateral.integrity.oprf;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.Map;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The ciphersuite P256-SHA256 (RFC 9497 §4.3) in one mode: its context string and the functions keyed by it.
 * Thread-safe.
 */
final class Suite {

    /** The ciphersuite identifier (RFC 9497 §4.3). */
    static final String IDENTIFIER = "P256-SHA256";

    private static final Map<OprfMode, Suite> BY_MODE = new EnumMap<>(OprfMode.class);

    static {
        for (OprfMode mode : OprfMode.values()) {
            BY_MODE.put(mode, new Suite(mode));
        }
    }

    private final OprfMode mode;
    private final byte[] contextString;
    private final byte[] hashToGroupDst;
    private final byte[] hashToScalarDst;
    private final byte[] deriveKeyPairDst;
    private final byte[] seedDst;

    private Suite(OprfMode mode) {
        this.mode = mode;
        // RFC 9497 §3.1: contextString = "OPRFV1-" || I2OSP(mode, 1) || "-" || identifier.
        this.contextString = new Transcript().label("OPRFV1-").i2osp(mode.id(), 1).label("-" + IDENTIFIER).toBytes();
        this.hashToGroupDst = new Transcript().label("HashToGroup-").raw(contextString).toBytes();
        this.hashToScalarDst = new Transcript().label("HashToScalar-").raw(contextString).toBytes();
        // RFC 9497 §3.2.1: "DeriveKeyPair" || contextString, no hyphen.
        this.deriveKeyPairDst = new Transcript().label("DeriveKeyPair").raw(contextString).toBytes();
        // RFC 9497 §2.2.1 ComputeComposites: seedDST = "Seed-" || contextString.
        this.seedDst = new Transcript().label("Seed-").raw(contextString).toBytes();
    }

    static Suite of(OprfMode mode) {
        return BY_MODE.get(mode);
    }

    OprfMode mode() {
        return mode;
    }

    byte[] contextString() {
        return contextString.clone();
    }

    byte[] hashToGroupDst() {
        return hashToGroupDst.clone();
    }

    byte[] seedDst() {
        return seedDst;
    }

    /** HashToGroup (RFC 9497 §4.3); the caller refuses the identity. */
    ECPoint hashToGroup(byte[] input) {
        return HashToCurveP256.hashToCurve(input, hashToGroupDst);
    }

    /** HashToGroup of an input, refused with InvalidInputError when it is the identity (RFC 9497 §3.3.1). */
    ECPoint inputElement(byte[] input) {
        Transcript.requireFramable(input, "input");
        ECPoint element = hashToGroup(input);
        if (element.isInfinity()) {
            throw new OprfException(OprfException.Kind.INVALID_INPUT, "input hashes to the group identity");
        }
        return element;
    }

    /** HashToScalar with the default tag "HashToScalar-" || contextString (RFC 9497 §4.3). */
    BigInteger hashToScalar(byte[] input) {
        return HashToCurveP256.hashToScalar(input, hashToScalarDst);
    }

    /** HashToScalar with the DeriveKeyPair tag (RFC 9497 §3.2.1). */
    BigInteger hashToScalarForKey(byte[] input) {
        return HashToCurveP256.hashToScalar(input, deriveKeyPairDst);
    }

    /** POPRF: m = HashToScalar("Info" || I2OSP(len(info), 2) || info) (RFC 9497 §3.3.3). */
    BigInteger infoScalar(byte[] info) {
        Transcript.requireFramable(info, "info");
        return hashToScalar(new Transcript().label("Info").lengthPrefixed(info).toBytes());
    }

    /**
     * The Finalize hash (RFC 9497 §3.3.1, §3.3.2, §3.3.3): Hash(I2OSP(len(input), 2) || input
     * [|| I2OSP(len(info), 2) || info] || I2OSP(len(element), 2) || element || "Finalize"), info only in POPRF mode.
     */
    byte[] finalizeHash(byte[] input, byte[] info, ECPoint unblinded) {
        Transcript transcript = new Transcript().lengthPrefixed(input);
        if (mode == OprfMode.POPRF) {
            transcript.lengthPrefixed(info);
        }
        transcript.lengthPrefixed(P256Group.serialize(unblinded)).label("Finalize");
        return hash(transcript.toBytes());
    }

    /** Hash: SHA-256, Nh = 32. */
    static byte[] hash(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
