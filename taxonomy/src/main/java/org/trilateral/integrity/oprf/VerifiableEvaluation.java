package org.trilateral.integrity.oprf;

import java.util.List;
import java.util.Objects;

/**
 * What a VOPRF or POPRF server returns for a batch of blinded elements: one evaluated element per blinded element, in
 * the same order, and one DLEQ proof over the whole batch (RFC 9497 §3.3.2).
 *
 * @param evaluatedElements the evaluated elements
 * @param proof the batched proof
 */
public record VerifiableEvaluation(List<Element> evaluatedElements, Proof proof) {

    /** Copies the list; refuses an empty one. */
    public VerifiableEvaluation {
        evaluatedElements = List.copyOf(evaluatedElements);
        Objects.requireNonNull(proof, "proof");
        if (evaluatedElements.isEmpty()) {
            throw new IllegalArgumentException("an evaluation holds at least one element");
        }
    }
}
