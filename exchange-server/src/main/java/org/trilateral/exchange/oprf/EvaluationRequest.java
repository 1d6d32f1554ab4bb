package org.trilateral.exchange.oprf;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.trilateral.integrity.oprf.Element;
import org.trilateral.taxonomy.persona.KeyEpoch;
import org.trilateral.taxonomy.persona.PersonaKind;

/**
 * What a member asks the exchange to evaluate: blinded elements of one or more kinds under one epoch. Every element
 * has passed RFC 9497 §4.3 DeserializeElement, so none is the identity, off the curve or non-canonical.
 */
record EvaluationRequest(KeyEpoch epoch, List<Batch> batches) {

    /** One kind's blinded elements; the kind is the POPRF public info together with the epoch. */
    record Batch(PersonaKind kind, List<Element> blindedElements) {

        Batch {
            Objects.requireNonNull(kind, "kind");
            blindedElements = List.copyOf(blindedElements);
        }
    }

    EvaluationRequest {
        Objects.requireNonNull(epoch, "epoch");
        batches = List.copyOf(batches);
    }

    /** How many evaluations the request asks for: what the quota counts. */
    int elements() {
        return batches.stream().mapToInt(b -> b.blindedElements().size()).sum();
    }

    /** The kinds asked for, in order. */
    List<String> kinds() {
        List<String> kinds = new ArrayList<>();
        batches.forEach(b -> kinds.add(b.kind().value()));
        return kinds;
    }
}
