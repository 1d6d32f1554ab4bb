package org.trilateral.taxonomy.persona;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.trilateral.integrity.oprf.Element;
import org.trilateral.integrity.oprf.OprfException;
import org.trilateral.integrity.oprf.OprfKeyPair;
import org.trilateral.integrity.oprf.PoprfServer;
import org.trilateral.integrity.oprf.ScalarSource;
import org.trilateral.integrity.oprf.VerifiableEvaluation;

/**
 * The exchange's side of scheme {@code v2-oprf-p256} for one key epoch: evaluates members' blinded elements of a kind
 * and proves each batch against the epoch's public key. It never sees an identifier, only points that are uniformly
 * random to it. The info of every kind is prepared once. Immutable and thread-safe. During a rotation's grace period
 * the exchange holds one evaluator per epoch it still answers.
 */
public final class PersonaTokenEvaluator {

    private final KeyEpoch epoch;
    private final PoprfServer poprf;
    private final Map<PersonaKind, PoprfServer.PreparedInfo> prepared;

    private PersonaTokenEvaluator(KeyEpoch epoch, PoprfServer poprf) {
        this.epoch = Objects.requireNonNull(epoch, "epoch");
        this.poprf = poprf;
        Map<PersonaKind, PoprfServer.PreparedInfo> infos = new EnumMap<>(PersonaKind.class);
        for (PersonaKind kind : PersonaKind.values()) {
            infos.put(kind, poprf.prepare(V2OprfP256.info(kind, epoch)));
        }
        this.prepared = infos;
    }

    /** An evaluator with the key pair of {@code epoch} (e.g. from {@link V2OprfP256#deriveKeyPair(byte[], KeyEpoch)}). */
    public static PersonaTokenEvaluator create(KeyEpoch epoch, OprfKeyPair keyPair) {
        return new PersonaTokenEvaluator(epoch, PoprfServer.create(keyPair));
    }

    /** An evaluator drawing its proof nonces from {@code random} (tests). */
    public static PersonaTokenEvaluator create(KeyEpoch epoch, OprfKeyPair keyPair, ScalarSource random) {
        return new PersonaTokenEvaluator(epoch, PoprfServer.create(keyPair, random));
    }

    /** The epoch. */
    public KeyEpoch epoch() {
        return epoch;
    }

    /** The epoch's public key, which the exchange publishes and members verify proofs against. */
    public Element publicKey() {
        return poprf.publicKey();
    }

    /**
     * POPRF BlindEvaluate of one kind's blinded elements, with one proof for the batch. The elements must have been
     * deserialised with {@link Element#deserialize(byte[])}, which refuses invalid points.
     */
    public VerifiableEvaluation blindEvaluate(PersonaKind kind, List<Element> blindedElements) {
        return poprf.blindEvaluate(prepared.get(Objects.requireNonNull(kind, "kind")), blindedElements);
    }

    /**
     * The token of an identifier the exchange holds in the clear (POPRF Evaluate): for identifiers already public, such
     * as those in a sanctions designation, and for the published vectors.
     *
     * @throws OprfException INVALID_INPUT for a tagged form over 65,535 bytes
     */
    public PersonaDigest token(TaggedIdentifier identifier) {
        byte[] output = poprf.evaluate(identifier.taggedBytes(), V2OprfP256.info(identifier.kind(), epoch));
        return V2OprfP256.token(identifier, epoch, output);
    }
}
