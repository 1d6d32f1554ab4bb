package org.trilateral.exchange.object;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.trilateral.exchange.collection.PersonaPolicy;
import org.trilateral.exchange.collection.TaxiiCollection;
import org.trilateral.exchange.keys.MemberKeyStore;
import org.trilateral.exchange.keys.MemberKeys;
import org.trilateral.exchange.keys.PublisherKeys;
import org.trilateral.exchange.member.Member;
import org.trilateral.exchange.member.MemberStore;
import org.trilateral.exchange.object.IngestPolicy.Inputs;
import org.trilateral.exchange.object.IngestPolicy.SignatureRequirement;
import org.trilateral.exchange.status.IngestStatus;
import org.trilateral.taxonomy.stix.StixJson;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

/**
 * Adds the objects of one envelope to a collection (TAXII 2.1 §5.5) in three steps with nothing hidden between them:
 * look up what the policy needs (the publisher's keys, the registry's view of the recipients and foreign kids named),
 * let {@link IngestPolicy} decide each object's fate, and let {@link IngestWriter} store, log and report it.
 */
@Component
public class ObjectIngest {

    /** Fewer objects than this are not worth a thread hop of their own. */
    private static final int MIN_OBJECTS_PER_PART = 16;

    private final MemberKeys keys;
    private final MemberKeyStore keyStore;
    private final MemberStore members;
    private final IngestPolicy policy;
    private final GroupCommit groupCommit;

    ObjectIngest(MemberKeys keys, MemberKeyStore keyStore, MemberStore members, IngestPolicy policy, GroupCommit groupCommit) {
        this.keys = keys;
        this.keyStore = keyStore;
        this.members = members;
        this.policy = policy;
        this.groupCommit = groupCommit;
    }

    /**
     * Adds objects that the exchange itself publishes (its reference data), attributed to {@code publisher}: the
     * HTTP edge and its role checks are bypassed, validation and attribution are not. Signatures are not required:
     * the exchange publishes these objects itself and the transparency log commits to them.
     */
    public Mono<IngestStatus> ingestOwn(TaxiiCollection collection, List<? extends JsonNode> objects, Member publisher) {
        List<ReceivedObject> received = new ArrayList<>(objects.size());
        for (int i = 0; i < objects.size(); i++) {
            received.add(new ReceivedObject(i, objects.get(i), StixJson.mapper().writeValueAsString(objects.get(i))));
        }
        return ingest(collection, received, publisher, SignatureRequirement.PUBLISHED_BY_EXCHANGE);
    }

    Mono<IngestStatus> ingest(TaxiiCollection collection, List<ReceivedObject> received, Member publisher) {
        return ingest(collection, received, publisher, collection.acceptUnsigned()
                ? SignatureRequirement.VERIFIED_WHEN_SIGNED : SignatureRequirement.VERIFIED);
    }

    private Mono<IngestStatus> ingest(TaxiiCollection collection, List<ReceivedObject> received, Member publisher,
                                      SignatureRequirement requirement) {
        Mono<PublisherKeys> publisherKeys = requirement == SignatureRequirement.PUBLISHED_BY_EXCHANGE
                ? Mono.just(new PublisherKeys(publisher.id(), List.of()))
                : keys.ofPublisher(publisher.id());
        return publisherKeys
                // Signature checks and canonicalisation are CPU work: off the event loop, on the bounded scheduler.
                .publishOn(Schedulers.parallel())
                .flatMap(signers -> resolve(received, publisher, requirement, collection.personas(), signers))
                .map(inputs -> inputs.withPersonaSchemes(collection.personaSchemes()))
                .flatMap(inputs -> decideOnEveryCore(received, inputs))
                .flatMap(decision -> groupCommit.write(collection, publisher, decision));
    }

    /**
     * The policy's decision, with the envelope cut into one part per core so that validation, signature verification
     * and canonicalisation of one envelope use every core (they are most of an envelope's CPU time,
     * docs/performance.md). Parts are judged at one time and merged in envelope order.
     */
    private Mono<IngestDecision> decideOnEveryCore(List<ReceivedObject> received, Inputs inputs) {
        Instant now = policy.now();
        int parts = Math.max(1, Math.min(Schedulers.DEFAULT_POOL_SIZE, received.size() / MIN_OBJECTS_PER_PART));
        int size = (received.size() + parts - 1) / parts;
        return Flux.range(0, parts)
                .flatMapSequential(part -> Mono.fromCallable(() -> policy.decide(
                                received.subList(part * size, Math.min(received.size(), (part + 1) * size)), inputs, now))
                        .subscribeOn(Schedulers.parallel()))
                .collectList()
                .map(IngestDecision::merge);
    }

    /** The inputs with the registry's answers: one query each, and only when the envelope names anything to ask. */
    private Mono<Inputs> resolve(List<ReceivedObject> received, Member publisher, SignatureRequirement requirement,
                                 PersonaPolicy personas, PublisherKeys signers) {
        IngestPolicy.Lookups lookups = policy.lookups(received, requirement, signers);
        return Mono.zip(members.knownIdentities(lookups.recipients()), keyStore.owners(lookups.foreignKids()))
                .map(found -> new Inputs(publisher, requirement, personas, signers, found.getT1(), found.getT2()));
    }
}
