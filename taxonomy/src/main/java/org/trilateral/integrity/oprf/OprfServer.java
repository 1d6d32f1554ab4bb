package org.trilateral.integrity.oprf;

import java.util.List;
import java.util.Objects;

/**
 * The server of the base mode (RFC 9497 §3.3.1): multiplies blinded elements by its private key. Immutable and
 * thread-safe.
 */
public final class OprfServer {

    private static final Suite SUITE = Suite.of(OprfMode.OPRF);

    private final OprfKeyPair keyPair;

    private OprfServer(OprfKeyPair keyPair) {
        this.keyPair = Objects.requireNonNull(keyPair, "keyPair");
    }

    /** A server evaluating with {@code keyPair}. */
    public static OprfServer create(OprfKeyPair keyPair) {
        return new OprfServer(keyPair);
    }

    /** BlindEvaluate (RFC 9497 §3.3.1): skS · blindedElement, for each element. */
    public List<Element> blindEvaluate(List<Element> blindedElements) {
        return Evaluation.elements(new CombBatch(blindedElements).multiply(keyPair.privateKey().value()));
    }

    /** BlindEvaluate of one element. */
    public Element blindEvaluate(Element blindedElement) {
        return blindEvaluate(List.of(blindedElement)).get(0);
    }

    /** Evaluate (RFC 9497 §3.3.1): the output for an input the server holds in the clear. */
    public byte[] evaluate(byte[] input) {
        return SUITE.finalizeHash(input, null, P256Group.multiplySecret(SUITE.inputElement(input), keyPair.privateKey().value()));
    }
}
