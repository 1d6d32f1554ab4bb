package org.trilateral.integrity.oprf;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The server of the verifiable mode (RFC 9497 §3.3.2): multiplies blinded elements by its private key and proves, in
 * one batched DLEQ proof, that it used the key whose public element clients hold. Immutable and thread-safe when its
 * {@link ScalarSource} is.
 */
public final class VoprfServer {

    private static final Suite SUITE = Suite.of(OprfMode.VOPRF);

    private final OprfKeyPair keyPair;
    private final ScalarSource random;

    private VoprfServer(OprfKeyPair keyPair, ScalarSource random) {
        this.keyPair = Objects.requireNonNull(keyPair, "keyPair");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A server evaluating with {@code keyPair}, its proof nonces from {@link ScalarSource#secure()}. */
    public static VoprfServer create(OprfKeyPair keyPair) {
        return new VoprfServer(keyPair, ScalarSource.secure());
    }

    /** A server drawing its proof nonces from {@code random}. */
    public static VoprfServer create(OprfKeyPair keyPair, ScalarSource random) {
        return new VoprfServer(keyPair, random);
    }

    /** pkS, to publish. */
    public Element publicKey() {
        return keyPair.publicKey();
    }

    /**
     * BlindEvaluate (RFC 9497 §3.3.2) of a batch: skS · blindedElement for each, and GenerateProof(skS, G, pkS,
     * blindedElements, evaluatedElements).
     */
    public VerifiableEvaluation blindEvaluate(List<Element> blindedElements) {
        BigInteger k = keyPair.privateKey().value();
        CombBatch blinded = new CombBatch(blindedElements);
        List<ECPoint> evaluated = blinded.multiply(k);
        // C = blinded elements (scale 1), D = evaluated elements (scale k).
        Proof proof = Dleq.generateProof(SUITE, k, keyPair.publicKey().point(), blinded, BigInteger.ONE, k, blinded.points(), evaluated,
                Evaluation.nonce(random));
        return new VerifiableEvaluation(Evaluation.elements(evaluated), proof);
    }

    /** BlindEvaluate of one element. */
    public VerifiableEvaluation blindEvaluate(Element blindedElement) {
        return blindEvaluate(List.of(blindedElement));
    }

    /** Evaluate (RFC 9497 §3.3.2): the output for an input the server holds in the clear. */
    public byte[] evaluate(byte[] input) {
        return SUITE.finalizeHash(input, null, P256Group.multiplySecret(SUITE.inputElement(input), keyPair.privateKey().value()));
    }
}
