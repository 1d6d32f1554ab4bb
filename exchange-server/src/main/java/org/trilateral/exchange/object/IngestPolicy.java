package org.trilateral.exchange.object;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.trilateral.exchange.access.Audience;
import org.trilateral.exchange.access.AudiencePolicy;
import org.trilateral.exchange.access.SharingGroup;
import org.trilateral.exchange.collection.PersonaPolicy;
import org.trilateral.exchange.keys.PublisherKeys;
import org.trilateral.exchange.ledger.SignatureReference;
import org.trilateral.exchange.member.Member;
import org.trilateral.exchange.member.MemberId;
import org.trilateral.exchange.taxii.TaxiiProperties;
import org.trilateral.integrity.jcs.CanonicalizationException;
import org.trilateral.taxonomy.extension.ExchangeExtensionValidator;
import org.trilateral.taxonomy.extension.ExchangeExtensions;
import org.trilateral.taxonomy.marking.Tlp;
import org.trilateral.taxonomy.persona.RawPersonaValues;
import org.trilateral.taxonomy.stix.StixObjectLimits;
import org.trilateral.taxonomy.persona.PersonaSchemeUse;
import org.trilateral.taxonomy.stix.StixObjectValidator;
import org.trilateral.taxonomy.stix.StixTimestamp;
import org.trilateral.taxonomy.stix.StixViolation;
import tools.jackson.databind.JsonNode;

/**
 * Decides the fate of each object of an envelope (TAXII 2.1 §5.5), each on its own so one bad object does not sink
 * the envelope: it must be valid STIX 2.1 within the configured object limits ({@code exchange.taxii.limits.objects.*},
 * docs/configuration.md) and valid under the exchange's extensions, hold no raw persona value when the collection is
 * for hashed personas (docs/persona-identifiers.md), be attributed to the publishing
 * member, have markings the exchange enforces (docs/access-rules.md), carry a signature that verifies with a key of
 * the publisher valid now unless the collection accepts unsigned objects (docs/integrity.md §7), have an RFC 8785
 * form, and name as RED recipients only members' identities. Pure: everything it needs from the database is looked
 * up before it runs ({@link Lookups}, {@link Inputs}), and "now" is its clock's.
 */
@Component
class IngestPolicy {

    private final AudiencePolicy audiences;
    private final Clock clock;
    private final StixObjectValidator validator;
    private final ExchangeExtensionValidator extensionValidator = new ExchangeExtensionValidator();
    private final RawPersonaValues rawPersonaValues;

    @Autowired
    IngestPolicy(AudiencePolicy audiences, Clock clock, TaxiiProperties taxii) {
        this(audiences, clock, taxii.limits().objects().toStixLimits());
    }

    IngestPolicy(AudiencePolicy audiences, Clock clock, StixObjectLimits limits) {
        this.audiences = audiences;
        this.clock = clock;
        this.validator = new StixObjectValidator(limits);
        // The same pattern limits: a pattern the validator let through is parsed again within them.
        this.rawPersonaValues = new RawPersonaValues(limits.pattern());
    }

    /** What the envelope's objects must carry (docs/integrity.md §7). */
    enum SignatureRequirement {
        /** A signature that verifies with a valid key of the publisher: the default of every collection. */
        VERIFIED,
        /** The same, except that an object with no signature at all is accepted ({@code accept-unsigned}). */
        VERIFIED_WHEN_SIGNED,
        /** None: the exchange's own reference data, published by the exchange itself. */
        PUBLISHED_BY_EXCHANGE
    }

    /**
     * What must be looked up before deciding: the identities named as RED recipients, and the kids of signatures
     * that are not keys of the publisher (whose they are decides the reason a signature is refused).
     */
    record Lookups(Set<String> recipients, Set<String> foreignKids) {

        Lookups {
            recipients = Set.copyOf(recipients);
            foreignKids = Set.copyOf(foreignKids);
        }
    }

    /**
     * Everything the decision depends on besides the objects.
     *
     * @param personas        what the collection accepts of persona data
     * @param knownIdentities of the {@link Lookups#recipients()} (RED recipients and the ids of identity objects),
     *                        those that are some member's identity
     * @param kidOwners       of the {@link Lookups#foreignKids()}, the member each registered one belongs to
     * @param personaSchemes  the persona schemes the collection accepts in new objects; null: any
     */
    record Inputs(Member publisher, SignatureRequirement requirement, PersonaPolicy personas, PublisherKeys keys,
                  Set<String> knownIdentities, Map<String, MemberId> kidOwners, Set<String> personaSchemes) {

        Inputs {
            Objects.requireNonNull(personas, "personas");
            knownIdentities = Set.copyOf(knownIdentities);
            kidOwners = Map.copyOf(kidOwners);
            personaSchemes = personaSchemes == null ? null : Set.copyOf(personaSchemes);
        }

        Inputs(Member publisher, SignatureRequirement requirement, PersonaPolicy personas, PublisherKeys keys,
               Set<String> knownIdentities, Map<String, MemberId> kidOwners) {
            this(publisher, requirement, personas, keys, knownIdentities, kidOwners, null);
        }

        Inputs withPersonaSchemes(Set<String> schemes) {
            return new Inputs(publisher, requirement, personas, keys, knownIdentities, kidOwners, schemes);
        }
    }

    Lookups lookups(List<ReceivedObject> received, SignatureRequirement requirement, PublisherKeys keys) {
        Set<String> recipients = new LinkedHashSet<>();
        Set<String> kids = new LinkedHashSet<>();
        for (ReceivedObject object : received) {
            recipients.addAll(AudiencePolicy.namedRecipients(object.tree()));
            if ("identity".equals(object.tree().path("type").asString(""))) {
                // Whether it is a member's registered identity decides who may publish it.
                recipients.add(object.tree().path("id").asString(""));
            }
            if (requirement != SignatureRequirement.PUBLISHED_BY_EXCHANGE) {
                int signatures = object.tree().path("extensions").path(ExchangeExtensions.OBJECT_SIGNATURE_ID)
                        .path("signatures").size();
                for (int i = 0; i < signatures; i++) {
                    SignatureReference.of(object.tree(), i).flatMap(SignatureReference::kid)
                            .filter(kid -> keys.find(kid).isEmpty())
                            .ifPresent(kids::add);
                }
            }
        }
        return new Lookups(recipients, kids);
    }

    /** The request's time: the clock's now, to the microsecond. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** The fate of every object, judged at the clock's now, which is also the request's time. */
    IngestDecision decide(List<ReceivedObject> received, Inputs inputs) {
        return decide(received, inputs, now());
    }

    /**
     * The fate of every object, judged at {@code now}. Each object is judged on its own, so parts of an envelope may be
     * decided on different threads with the same {@code now} and their decisions merged
     * ({@link IngestDecision#merge}).
     */
    IngestDecision decide(List<ReceivedObject> received, Inputs inputs, Instant now) {
        List<IncomingObject> accepted = new ArrayList<>(received.size());
        List<IngestDecision.Refused> refused = new ArrayList<>();
        Map<Integer, SignatureReference> signatures = new HashMap<>();
        for (ReceivedObject object : received) {
            Verdict verdict = judge(object, inputs, now);
            if (verdict.refusal() != null) {
                refused.add(new IngestDecision.Refused(object.index(), label(object), versionOf(object.tree()),
                        verdict.refusal()));
            } else {
                accepted.add(verdict.accepted());
                verdict.signature().ifPresent(reference -> signatures.put(object.index(), reference));
            }
        }
        return new IngestDecision(now, accepted, refused, signatures);
    }

    private Verdict judge(ReceivedObject object, Inputs inputs, Instant now) {
        JsonNode tree = object.tree();
        List<StixViolation> violations = new ArrayList<>(validator.validate(tree));
        if (violations.isEmpty()) {
            violations.addAll(extensionValidator.validate(tree));
        }
        if (violations.isEmpty() && inputs.personas() == PersonaPolicy.HASHED_ONLY) {
            violations.addAll(rawPersonaValues.find(tree));
        }
        if (!violations.isEmpty()) {
            return Verdict.refused(violations.stream().map(StixViolation::toString).collect(Collectors.joining("; ")));
        }
        if (inputs.personaSchemes() != null) {
            List<String> refusedSchemes = PersonaSchemeUse.schemesIn(tree).stream()
                    .filter(scheme -> !inputs.personaSchemes().contains(scheme)).toList();
            if (!refusedSchemes.isEmpty()) {
                // Objects already stored stay readable; only new ones must use the collection's schemes.
                return Verdict.refused("persona scheme " + refusedSchemes + " is not accepted by this collection for new"
                        + " objects, which takes " + new java.util.TreeSet<>(inputs.personaSchemes())
                        + " (docs/persona-identifiers.md §4.4)");
            }
        }
        String attribution = attributionProblem(tree, inputs.publisher());
        if (attribution != null) {
            return Verdict.refused(attribution);
        }
        if (inputs.requirement() != SignatureRequirement.PUBLISHED_BY_EXCHANGE) {
            String reserved = ReservedObjects.problem(tree, inputs.publisher(), inputs.knownIdentities());
            if (reserved != null) {
                return Verdict.refused(reserved);
            }
        }
        Audience audience;
        try {
            audience = audiences.audienceOf(tree);
        } catch (IllegalArgumentException e) {
            return Verdict.refused(e.getMessage());
        }
        Optional<SignatureReference> signature = Optional.empty();
        if (inputs.requirement() == SignatureRequirement.PUBLISHED_BY_EXCHANGE) {
            signature = SignatureReference.of(tree);
        } else {
            PublisherKeys.SignatureVerdict verdict = inputs.keys().verify(tree, now);
            if (verdict.isVerified()) {
                signature = SignatureReference.of(tree, verdict.verifiedIndex().orElseThrow());
            } else if (!(verdict.isUnsigned() && inputs.requirement() == SignatureRequirement.VERIFIED_WHEN_SIGNED)) {
                return Verdict.refused(verdict.refusal(inputs.kidOwners()));
            }
        }
        byte[] digest;
        try {
            digest = ContentDigest.of(tree);
        } catch (CanonicalizationException e) {
            return Verdict.refused("cannot be canonicalised (RFC 8785, I-JSON): " + e.getMessage());
        }
        if (audience.recipients() != null) {
            List<String> unknown = audience.recipients().stream().filter(r -> !inputs.knownIdentities().contains(r)).toList();
            if (!unknown.isEmpty()) {
                // Nobody would be the recipient meant.
                return Verdict.refused("TLP:RED recipients " + unknown + " are not identities of members of the exchange");
            }
        }
        String version = versionOf(tree);
        return new Verdict(new IncomingObject(object.index(), tree.get("id").stringValue(), tree.get("type").stringValue(),
                tree.path("spec_version").asString("2.1"), version == null ? null : StixTimestamp.parse(version), version,
                digest, object.json(), inputs.publisher().id(), audience), signature, null);
    }

    /** An object accepted with the signature its leaf names, or refused with the reason. */
    private record Verdict(IncomingObject accepted, Optional<SignatureReference> signature, String refusal) {

        static Verdict refused(String reason) {
            return new Verdict(null, Optional.empty(), reason);
        }
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
}
