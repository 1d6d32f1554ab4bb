package org.trilateral.integrity.oprf;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The server of the partially oblivious mode (RFC 9497 §3.3.3): evaluates blinded elements under a public info with
 * the tweaked key t = skS + HashToScalar(framed info), and proves the batch with the tweaked public key t·G.
 * Immutable and thread-safe when its {@link ScalarSource} is.
 */
public final class PoprfServer {

    private static final Suite SUITE = Suite.of(OprfMode.POPRF);

    private final OprfKeyPair keyPair;
    private final ScalarSource random;

    private PoprfServer(OprfKeyPair keyPair, ScalarSource random) {
        this.keyPair = Objects.requireNonNull(keyPair, "keyPair");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A server evaluating with {@code keyPair}, its proof nonces from {@link ScalarSource#secure()}. */
    public static PoprfServer create(OprfKeyPair keyPair) {
        return new PoprfServer(keyPair, ScalarSource.secure());
    }

    /** A server drawing its proof nonces from {@code random}. */
    public static PoprfServer create(OprfKeyPair keyPair, ScalarSource random) {
        return new PoprfServer(keyPair, random);
    }

    /** pkS, to publish. */
    public Element publicKey() {
        return keyPair.publicKey();
    }

    /**
     * The key tweaked by one info, computed once: t = skS + HashToScalar("Info" || I2OSP(len(info), 2) || info), its
     * inverse and t·G. A server that answers a few infos again and again (the persona scheme's kind and epoch)
     * prepares each once and saves a generator multiplication per request.
     *
     * @throws OprfException INVERSE when t is zero (this key and this info), INVALID_INPUT when the info is too long
     */
    public PreparedInfo prepare(byte[] info) {
        BigInteger t = keyPair.privateKey().value().add(SUITE.infoScalar(info)).mod(P256Group.ORDER);
        if (t.signum() == 0) {
            throw new OprfException(OprfException.Kind.INVERSE, "the private key plus the info's scalar is zero (RFC 9497 §3.3.3)");
        }
        return new PreparedInfo(info, keyPair.publicKey(), t);
    }

    /**
     * BlindEvaluate (RFC 9497 §3.3.3) of a batch under one info: ScalarInverse(t) · blindedElement for each, and
     * GenerateProof(t, G, t·G, evaluatedElements, blindedElements).
     *
     * @throws OprfException INVERSE when t is zero (this key and this info), INVALID_INPUT when the info is too long
     */
    public VerifiableEvaluation blindEvaluate(byte[] info, List<Element> blindedElements) {
        return blindEvaluate(prepare(info), blindedElements);
    }

    /** BlindEvaluate of one element. */
    public VerifiableEvaluation blindEvaluate(byte[] info, Element blindedElement) {
        return blindEvaluate(info, List.of(blindedElement));
    }

    /**
     * BlindEvaluate under an info prepared by this server.
     *
     * @throws IllegalArgumentException when {@code info} was prepared by a server with another key
     */
    public VerifiableEvaluation blindEvaluate(PreparedInfo info, List<Element> blindedElements) {
        Objects.requireNonNull(info, "info");
        if (!info.publicKey.equals(keyPair.publicKey())) {
            throw new IllegalArgumentException("the info was prepared for the key " + info.publicKey + ", not " + keyPair.publicKey());
        }
        CombBatch blinded = new CombBatch(blindedElements);
        List<ECPoint> evaluated = blinded.multiply(info.inverse);
        // C = evaluated elements (scale 1/t), D = blinded elements (scale 1): the proof shows t·evaluated = blinded.
        Proof proof = Dleq.generateProof(SUITE, info.t, info.tweakedKey.point(), blinded, info.inverse, BigInteger.ONE, evaluated,
                blinded.points(), Evaluation.nonce(random));
        return new VerifiableEvaluation(Evaluation.elements(evaluated), proof);
    }

    /** Evaluate (RFC 9497 §3.3.3): the output for an input the server holds in the clear. */
    public byte[] evaluate(byte[] input, byte[] info) {
        ECPoint inputElement = SUITE.inputElement(input);
        PreparedInfo prepared = prepare(info);
        return SUITE.finalizeHash(input, info, P256Group.multiplySecret(inputElement, prepared.inverse));
    }

    /**
     * One info with the key it tweaks: t, 1/t and the tweaked public key t·G. Holds secrets; {@link #toString()} shows
     * only the tweaked public key.
     */
    public static final class PreparedInfo {

        private final byte[] info;
        private final Element publicKey;
        private final BigInteger t;
        private final BigInteger inverse;
        private final Element tweakedKey;

        private PreparedInfo(byte[] info, Element publicKey, BigInteger t) {
            this.info = info.clone();
            this.publicKey = publicKey;
            this.t = t;
            this.inverse = P256Group.inverse(t);
            this.tweakedKey = new Element(P256Group.multiplyGenerator(t));
        }

        /** The info. */
        public byte[] info() {
            return info.clone();
        }

        /** t·G = pkS + HashToScalar(framed info)·G, the key clients verify this info's proofs against. */
        public Element tweakedKey() {
            return tweakedKey;
        }

        @Override
        public String toString() {
            return "PreparedInfo[tweakedKey=" + tweakedKey + ", tweak not shown]";
        }
    }
}
