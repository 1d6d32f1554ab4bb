package org.trilateral.taxonomy.persona;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trilateral.integrity.oprf.BlindedBatch;
import org.trilateral.integrity.oprf.Element;

/**
 * The state a member keeps between asking the exchange for tokens and finalising them: the identifiers in the order
 * given, blinded in one POPRF batch per kind (the info names the kind). Only {@link #blindedElements()} goes to the
 * exchange; the identifiers and blinds stay with the member.
 */
public final class PersonaTokenRequest {

    private final KeyEpoch epoch;
    private final List<TaggedIdentifier> identifiers;
    private final Map<PersonaKind, BlindedBatch> batches;

    PersonaTokenRequest(KeyEpoch epoch, List<TaggedIdentifier> identifiers, Map<PersonaKind, BlindedBatch> batches) {
        this.epoch = epoch;
        this.identifiers = List.copyOf(identifiers);
        this.batches = Collections.unmodifiableMap(new LinkedHashMap<>(batches));
    }

    /** The key epoch the tokens are asked for. */
    public KeyEpoch epoch() {
        return epoch;
    }

    /** What to send: per kind, the blinded elements in the order of that kind's identifiers. */
    public Map<PersonaKind, List<Element>> blindedElements() {
        Map<PersonaKind, List<Element>> out = new LinkedHashMap<>();
        batches.forEach((kind, batch) -> out.put(kind, batch.blindedElements()));
        return Collections.unmodifiableMap(out);
    }

    /** How many identifiers the request holds. */
    public int size() {
        return identifiers.size();
    }

    List<TaggedIdentifier> identifiers() {
        return identifiers;
    }

    Map<PersonaKind, BlindedBatch> batches() {
        return batches;
    }


    @Override
    public String toString() {
        return "PersonaTokenRequest[epoch " + epoch + ", " + identifiers.size() + " identifiers of kinds " + batches.keySet() + "]";
    }
}
