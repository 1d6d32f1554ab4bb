package org.trilateral.exchange.object;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.trilateral.exchange.access.Audience;
import org.trilateral.exchange.access.AudiencePolicy;
import org.trilateral.exchange.access.SharingGroup;
import org.trilateral.exchange.collection.TaxiiCollection;
import org.trilateral.exchange.keys.MemberKeyStore;
import org.trilateral.exchange.keys.MemberKeys;
import org.trilateral.exchange.keys.PublisherKeys;
import org.trilateral.exchange.ledger.SignatureReference;
import org.trilateral.exchange.member.Member;
import org.trilateral.exchange.member.MemberStore;
import org.trilateral.exchange.status.IngestStatus;
import org.trilateral.exchange.status.StatusDetail;
import org.trilateral.exchange.status.StatusStore;
import org.trilateral.integrity.jcs.CanonicalizationException;
import org.trilateral.taxonomy.extension.ExchangeExtensionValidator;
import org.trilateral.taxonomy.marking.Tlp;
import org.trilateral.taxonomy.stix.StixJson;
import org.trilateral.taxonomy.stix.StixObjectValidator;
import org.trilateral.taxonomy.stix.StixTimestamp;
import org.trilateral.taxonomy.stix.StixViolation;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

/**
 * Adds the objects of one envelope to a collection (TAXII 2.1 §5.5). Each object is validated (STIX 2.1, then
 * the exchange's own extensions: wallets, persona identifiers, facilitator infrastructure, signatures), checked to
 * be attributed to the publishing member, given its audience from its markings (docs/access-rules.md) and stored
 * on its own, so one bad object does not sink the envelope; each must carry a signature that verifies with a valid
 * key of the publishing member (docs/integrity.md §7), unless the collection accepts unsigned objects. The objects
 * and the status resource that reports them commit together, with the transparency-log leaves of the added
 * versions (docs/transparency-log.md).
 */
@Component
public class ObjectIngest {

    private final ObjectStore store;
    private final StatusStore statuses;
    private final TransactionalOperator transaction;
    private final MemberStore members;
    private final AudiencePolicy audiences;
    private final ObjectVersionLog versionLog;
    private final MemberKeys keys;
    private final MemberKeyStore keyStore;
    private final Clock clock;
    private final StixObjectValidator validator = new StixObjectValidator();
    private final ExchangeExtensionValidator extensionValidator = new ExchangeExtensionValidator();

    public ObjectIngest(ObjectStore store, StatusStore statuses, TransactionalOperator transaction, MemberStore members,
                        AudiencePolicy audiences, ObjectVersionLog versionLog, MemberKeys keys, MemberKeyStore keyStore,
                        Clock clock) {
        this.clock = clock;
        this.store = store;
        this.statuses = statuses;
        this.transaction = transaction;
        this.members = members;
        this.audiences = audiences;
        this.versionLog = versionLog;
        this.keys = keys;
        this.keyStore = keyStore;
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
        Instant requested = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Mono<PublisherKeys> publisherKeys = requirement == SignatureRequirement.PUBLISHED_BY_EXCHANGE
                ? Mono.just(new PublisherKeys(publisher.id().value(), List.of()))
                : keys.ofPublisher(publisher.id().value());
        return publisherKeys
                .publishOn(Schedulers.parallel())
                .map(signers -> prepare(received, publisher, signers, requirement, requested))
                .flatMap(this::explainUnknownKids)
                .flatMap(this::refuseUnknownRecipients)
                .flatMap(prepared -> store.store(collection.id(), prepared.accepted())
                        .flatMap(outcomes -> versionLog.record(collection.id(), outcomes, prepared.signatures())
                                .flatMap(logIndexes -> statuses.save(
                                        status(collection, requested, prepared.refused(), outcomes, logIndexes, publisher))))
                        .as(transaction::transactional));
    }

    /** A RED object naming a recipient that is no member's identity is refused: nobody would be the recipient meant. */
    private Mono<Prepared> refuseUnknownRecipients(Prepared prepared) {
        Set<String> named = new HashSet<>();
        prepared.accepted().forEach(o -> {
            if (o.audience().recipients() != null) {
                named.addAll(o.audience().recipients());
            }
        });
        if (named.isEmpty()) {
            return Mono.just(prepared);
        }
        return members.knownIdentities(named).map(known -> {
            List<IncomingObject> accepted = new ArrayList<>();
            List<Refusal> refused = new ArrayList<>(prepared.refused());
            for (IncomingObject object : prepared.accepted()) {
                List<String> unknown = object.audience().recipients() == null ? List.of()
                        : object.audience().recipients().stream().filter(r -> !known.contains(r)).toList();
                if (unknown.isEmpty()) {
                    accepted.add(object);
                } else {
                    refused.add(new Refusal(object.index(), object.id(), object.versionText(),
                            "TLP:RED recipients " + unknown + " are not identities of members of the exchange"));
                }
            }
            return new Prepared(accepted, refused, prepared.signatures(), List.of());
        });
    }

    /**
     * Signatures by kids the publisher holds no key for are refused once it is known whose kids they are: another
     * member's key (signing in another's name) or nobody's. One query per envelope, only when there are any.
     */
    private Mono<Prepared> explainUnknownKids(Prepared prepared) {
        if (prepared.unknownKidRefusals().isEmpty()) {
            return Mono.just(prepared);
        }
        Set<String> kids = new HashSet<>();
        prepared.unknownKidRefusals().forEach(r -> kids.addAll(r.verdict().unknownKids()));
        return keyStore.owners(kids).map(owners -> {
            List<Refusal> refused = new ArrayList<>(prepared.refused());
            for (UnknownKidRefusal r : prepared.unknownKidRefusals()) {
                refused.add(new Refusal(r.index(), r.id(), r.version(), r.verdict().refusal(owners)));
            }
            return new Prepared(prepared.accepted(), refused, prepared.signatures(), List.of());
        });
    }

    private Prepared prepare(List<ReceivedObject> received, Member publisher, PublisherKeys signers,
                             SignatureRequirement requirement, Instant now) {
        List<IncomingObject> accepted = new ArrayList<>(received.size());
        List<Refusal> refused = new ArrayList<>();
        List<UnknownKidRefusal> unknownKids = new ArrayList<>();
        Map<Integer, SignatureReference> signatures = new HashMap<>();
        for (ReceivedObject object : received) {
            JsonNode tree = object.tree();
            List<StixViolation> violations = new ArrayList<>(validator.validate(tree));
            if (violations.isEmpty()) {
                violations.addAll(extensionValidator.validate(tree));
            }
            if (!violations.isEmpty()) {
                refused.add(new Refusal(object.index(), label(object), versionOf(tree),
                        violations.stream().map(StixViolation::toString).collect(Collectors.joining("; "))));
                continue;
            }
            String version = versionOf(tree);
            String attribution = attributionProblem(tree, publisher);
            if (attribution != null) {
                refused.add(new Refusal(object.index(), label(object), version, attribution));
                continue;
            }
            Audience audience;
            try {
                audience = audiences.audienceOf(tree);
            } catch (IllegalArgumentException e) {
                refused.add(new Refusal(object.index(), label(object), version, e.getMessage()));
                continue;
            }
            Optional<SignatureReference> signature = Optional.empty();
            if (requirement == SignatureRequirement.PUBLISHED_BY_EXCHANGE) {
                signature = SignatureReference.of(tree);
            } else {
                PublisherKeys.SignatureVerdict verdict = signers.verify(tree, now);
                if (verdict.isVerified()) {
                    signature = SignatureReference.of(tree, verdict.verifiedIndex().orElseThrow());
                } else if (!(verdict.isUnsigned() && requirement == SignatureRequirement.VERIFIED_WHEN_SIGNED)) {
                    if (verdict.unknownKids().isEmpty()) {
                        refused.add(new Refusal(object.index(), label(object), version, verdict.refusal(Map.of())));
                    } else {
                        unknownKids.add(new UnknownKidRefusal(object.index(), label(object), version, verdict));
                    }
                    continue;
                }
            }
            byte[] digest;
            try {
                digest = ContentDigest.of(tree);
            } catch (CanonicalizationException e) {
                refused.add(new Refusal(object.index(), label(object), version,
                        "cannot be canonicalised (RFC 8785, I-JSON): " + e.getMessage()));
                continue;
            }
            signature.ifPresent(reference -> signatures.put(object.index(), reference));
            accepted.add(new IncomingObject(object.index(), tree.get("id").stringValue(), tree.get("type").stringValue(),
                    tree.path("spec_version").asString("2.1"),
                    version == null ? null : StixTimestamp.parse(version), version, digest, object.json(),
                    publisher.id().value(), audience));
        }
        return new Prepared(accepted, refused, signatures, unknownKids);
    }

    /**
     * Every object is attributed to the member publishing it: its {@code created_by_ref} (STIX 2.1 §3.2) must be the
     * member's own identity. SCOs (no {@code created}, no {@code created_by_ref}: STIX 2.1 §6) and the official TLP
     * and sharing-group marking definitions are exempt.
     */
    private static String attributionProblem(JsonNode tree, Member publisher) {
        if (!tree.has("created")) {
            return null;
        }
        String id = tree.path("id").asString("");
        if (Tlp.fromId(id).isPresent() || SharingGroup.fromId(id).isPresent()) {
            return null;
        }
        if (id.equals(publisher.identityId())) {
            // A member's own identity object describes the publisher itself: consumers need it to resolve
            // created_by_ref, and it may omit created_by_ref (STIX 2.1 §4.5 does not require it).
            return null;
        }
        JsonNode creator = tree.get("created_by_ref");
        if (creator == null || !creator.isString()) {
            return "created_by_ref is missing: every object is attributed to its publisher; set it to "
                    + publisher.identityId() + " (the identity of member '" + publisher.id() + "')";
        }
        if (!creator.stringValue().equals(publisher.identityId())) {
            return "created_by_ref " + creator.stringValue() + " is not the identity of the publishing member '"
                    + publisher.id() + "' (" + publisher.identityId() + "); publishing in another member's name is refused";
        }
        return null;
    }

    /** TAXII 2.1 §3.5.1: an object's version is its {@code modified}, else its {@code created}. */
    private static String versionOf(JsonNode tree) {
        if (!tree.isObject()) {
            return null;
        }
        JsonNode modified = tree.get("modified");
        if (modified != null && modified.isString()) {
            return modified.stringValue();
        }
        JsonNode created = tree.get("created");
        return created != null && created.isString() ? created.stringValue() : null;
    }

    private static String label(ReceivedObject object) {
        JsonNode id = object.tree().isObject() ? object.tree().get("id") : null;
        return id != null && id.isString() ? id.stringValue() : "objects[" + object.index() + "]";
    }

    private static IngestStatus status(TaxiiCollection collection, Instant requested, List<Refusal> refused,
                                       List<StoreOutcome> outcomes, Map<Integer, Long> logIndexes, Member publisher) {
        List<Entry> entries = new ArrayList<>();
        for (Refusal refusal : refused) {
            entries.add(new Entry(refusal.index(), false, new StatusDetail(refusal.id(), refusal.version(), refusal.message())));
        }
        for (StoreOutcome outcome : outcomes) {
            IncomingObject object = outcome.object();
            StatusDetail detail = switch (outcome.kind()) {
                case ADDED -> new StatusDetail(object.id(), outcome.versionText(), null, logIndexes.get(object.index()));
                case ALREADY_STORED -> new StatusDetail(object.id(), outcome.versionText(),
                        "this version was already stored; nothing changed", logIndexes.get(object.index()));
                case CONFLICT -> new StatusDetail(object.id(), outcome.versionText(),
                        "a different object with this id and version is already stored; publish a new version (a later modified) instead");
                case OTHER_PUBLISHER -> new StatusDetail(object.id(), outcome.versionText(),
                        "this object was published by another member; only its creator may add versions (STIX 2.1 §3.6)");
            };
            boolean success = outcome.kind() == StoreOutcome.Kind.ADDED || outcome.kind() == StoreOutcome.Kind.ALREADY_STORED;
            entries.add(new Entry(object.index(), success, detail));
        }
        entries.sort((a, b) -> Integer.compare(a.index(), b.index()));
        List<StatusDetail> successes = entries.stream().filter(Entry::success).map(Entry::detail).toList();
        List<StatusDetail> failures = entries.stream().filter(e -> !e.success()).map(Entry::detail).toList();
        return new IngestStatus(UUID.randomUUID(), collection.id(), requested, successes, failures, List.of(),
                publisher.id().value());
    }

    private record Prepared(List<IncomingObject> accepted, List<Refusal> refused,
                            Map<Integer, SignatureReference> signatures, List<UnknownKidRefusal> unknownKidRefusals) {
    }

    /** A refusal whose message waits for the owners of the kids the publisher does not hold. */
    private record UnknownKidRefusal(int index, String id, String version, PublisherKeys.SignatureVerdict verdict) {
    }

    /** What the envelope's objects must carry (docs/integrity.md §7). */
    private enum SignatureRequirement {
        /** A signature that verifies with a valid key of the publisher: the default of every collection. */
        VERIFIED,
        /** The same, except that an object with no signature at all is accepted ({@code accept-unsigned}). */
        VERIFIED_WHEN_SIGNED,
        /** None: the exchange's own reference data, published by the exchange itself. */
        PUBLISHED_BY_EXCHANGE
    }

    private record Refusal(int index, String id, String version, String message) {
    }

    private record Entry(int index, boolean success, StatusDetail detail) {
    }
}
