package org.trilateral.taxonomy.persona;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.trilateral.integrity.oprf.BlindedBatch;
import org.trilateral.integrity.oprf.Element;
import org.trilateral.integrity.oprf.OprfException;
import org.trilateral.integrity.oprf.PoprfClient;
import org.trilateral.integrity.oprf.ScalarSource;
import org.trilateral.integrity.oprf.VerifiableEvaluation;

/**
 * A member's side of scheme {@code v2-oprf-p256}: blinds tagged identifiers, and turns the exchange's evaluations into
 * tokens after checking each proof against the exchange's published public key of the epoch. The identifiers never
 * leave the member. Immutable and thread-safe.
 *
 * <pre>{@code
 * PersonaTokenClient client = PersonaTokenClient.create(epoch, publishedKey);
 * PersonaTokenRequest request = client.blind(List.of(EmailIdentifiers.normalise(email), PhoneIdentifiers.normalise(phone, "KR")));
 * // send request.epoch() and request.blindedElements(); receive one VerifiableEvaluation per kind
 * List<PersonaDigest> tokens = client.finalizeTokens(request, evaluations);
 * }</pre>
 */
public final class PersonaTokenClient {

    private final KeyEpoch epoch;
    private final PoprfClient poprf;

    private PersonaTokenClient(KeyEpoch epoch, PoprfClient poprf) {
        this.epoch = Objects.requireNonNull(epoch, "epoch");
        this.poprf = poprf;
    }

    /**
     * A client for one epoch.
     *
     * @param publicKey the exchange's public key of that epoch, as it publishes it (deserialise it with
     *     {@link Element#deserialize(byte[])})
     */
    public static PersonaTokenClient create(KeyEpoch epoch, Element publicKey) {
        return new PersonaTokenClient(epoch, PoprfClient.create(publicKey));
    }

    /** A client drawing its blinds from {@code random} (tests). */
    public static PersonaTokenClient create(KeyEpoch epoch, Element publicKey, ScalarSource random) {
        return new PersonaTokenClient(epoch, PoprfClient.create(publicKey, random));
    }

    /** The epoch this client asks tokens for. */
    public KeyEpoch epoch() {
        return epoch;
    }

    /** The exchange's public key this client checks proofs against. */
    public Element publicKey() {
        return poprf.publicKey();
    }

    /** Blinds the identifiers, one POPRF batch per kind with info {@link V2OprfP256#info(PersonaKind, KeyEpoch)}. */
    public PersonaTokenRequest blind(List<TaggedIdentifier> identifiers) {
        Objects.requireNonNull(identifiers, "identifiers");
        if (identifiers.isEmpty()) {
            throw new IllegalArgumentException("ask for at least one token");
        }
        Map<PersonaKind, List<byte[]>> inputs = new LinkedHashMap<>();
        for (TaggedIdentifier identifier : identifiers) {
            inputs.computeIfAbsent(Objects.requireNonNull(identifier, "identifier").kind(), k -> new ArrayList<>()).add(identifier.taggedBytes());
        }
        Map<PersonaKind, BlindedBatch> batches = new LinkedHashMap<>();
        inputs.forEach((kind, kindInputs) -> batches.put(kind, poprf.blind(V2OprfP256.info(kind, epoch), kindInputs)));
        return new PersonaTokenRequest(epoch, identifiers, batches);
    }

    /** Blinds one identifier. */
    public PersonaTokenRequest blind(TaggedIdentifier identifier) {
        return blind(List.of(identifier));
    }

    /**
     * The tokens, in the order the identifiers were given to {@link #blind(List)}.
     *
     * @param evaluations the exchange's answer for each kind of the request
     * @throws OprfException VERIFY when a proof does not show the exchange used its published key of this epoch for
     *     that kind
     * @throws IllegalArgumentException when a kind of the request has no evaluation or one of the wrong size
     */
    public List<PersonaDigest> finalizeTokens(PersonaTokenRequest request, Map<PersonaKind, VerifiableEvaluation> evaluations) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(evaluations, "evaluations");
        if (!request.epoch().equals(epoch)) {
            throw new IllegalArgumentException("the request was blinded for epoch " + request.epoch() + ", this client is for epoch " + epoch);
        }
        Map<PersonaKind, List<byte[]>> outputs = new EnumMap<>(PersonaKind.class);
        request.batches().forEach((kind, batch) -> {
            VerifiableEvaluation evaluation = evaluations.get(kind);
            if (evaluation == null) {
                throw new IllegalArgumentException("no evaluation for the " + kind.value() + " identifiers of the request");
            }
            outputs.put(kind, poprf.finalizeOutputs(batch, evaluation));
        });
        List<PersonaDigest> tokens = new ArrayList<>(request.size());
        Map<PersonaKind, Integer> next = new EnumMap<>(PersonaKind.class);
        for (TaggedIdentifier identifier : request.identifiers()) {
            int index = next.merge(identifier.kind(), 1, Integer::sum) - 1;
            tokens.add(V2OprfP256.token(identifier, epoch, outputs.get(identifier.kind()).get(index)));
        }
        return List.copyOf(tokens);
    }

    /** The token of a one-identifier request. */
    public PersonaDigest finalizeToken(PersonaTokenRequest request, VerifiableEvaluation evaluation) {
        if (request.size() != 1) {
            throw new IllegalArgumentException("the request holds " + request.size() + " identifiers; use finalizeTokens");
        }
        return finalizeTokens(request, Map.of(request.identifiers().get(0).kind(), evaluation)).get(0);
    }
}
