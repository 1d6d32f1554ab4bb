package org.trilateral.exchange.object;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.trilateral.exchange.access.AudiencePolicy;
import org.trilateral.exchange.collection.PersonaPolicy;
import org.trilateral.exchange.keys.MemberKey;
import org.trilateral.exchange.keys.PublisherKeys;
import org.trilateral.exchange.member.Member;
import org.trilateral.exchange.member.MemberId;
import org.trilateral.exchange.member.MemberStatus;
import org.trilateral.exchange.member.Nation;
import org.trilateral.exchange.member.Role;
import org.trilateral.taxonomy.vocabulary.Sector;
import org.trilateral.exchange.object.IngestPolicy.Inputs;
import org.trilateral.exchange.object.IngestPolicy.SignatureRequirement;
import org.trilateral.exchange.support.TestStix;
import org.trilateral.integrity.jws.SigningKey;
import org.trilateral.taxonomy.marking.Tlp;
import org.trilateral.taxonomy.stix.StixObjectLimits;
import tools.jackson.databind.node.ObjectNode;

/** Unit tests of the ingest policy: each object's fate from inputs looked up beforehand, at a fixed clock. */
class IngestPolicyTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00.123456789Z");
    private static final MemberId JP = new MemberId("jp-agency");
    private static final Member PUBLISHER = new Member(JP, "JP agency", Nation.JP,
            Sector.GOVERNMENT, TestStix.MEMBER_IDENTITY, Set.of(Role.PUBLISHER), MemberStatus.ACTIVE, List.of(), null, null);
    private static final String KNOWN_RECIPIENT = "identity--3bf78504-2b5b-4638-99fe-c8b63f51d960";

    private final SigningKey current = SigningKey.generate();
    private final SigningKey next = SigningKey.generate();

    private static IngestPolicy policyAt(Instant now) {
        return new IngestPolicy(new AudiencePolicy(Tlp.AMBER), Clock.fixed(now, ZoneOffset.UTC), StixObjectLimits.DEFAULTS);
    }

    private static MemberKey key(SigningKey key, Instant notBefore, Instant notAfter) {
        return new MemberKey(JP, key.publicKey(), notBefore, notAfter, null, null, notBefore);
    }

    private static Inputs inputs(SignatureRequirement requirement, List<MemberKey> keys, Map<String, MemberId> owners) {
        return new Inputs(PUBLISHER, requirement, PersonaPolicy.ANY, new PublisherKeys(JP, keys), Set.of(KNOWN_RECIPIENT), owners);
    }

    private static List<ReceivedObject> received(ObjectNode... objects) {
        List<ReceivedObject> received = new ArrayList<>();
        for (ObjectNode object : objects) {
            received.add(new ReceivedObject(received.size(), object, object.toString()));
        }
        return received;
    }

    private static String onlyRefusal(IngestDecision decision) {
        assertThat(decision.accepted()).isEmpty();
        assertThat(decision.refused()).hasSize(1);
        return decision.refused().get(0).reason();
    }

    @Test
    void decideWhenSignedByAValidKeyThenAcceptedWithTheSignatureItsLeafNames() {
        List<MemberKey> keys = List.of(key(current, NOW.minusSeconds(3600), null));

        IngestDecision decision = policyAt(NOW).decide(received(TestStix.sign(TestStix.indicator(), current)),
                inputs(SignatureRequirement.VERIFIED, keys, Map.of()));

        assertThat(decision.refused()).isEmpty();
        assertThat(decision.accepted()).singleElement().satisfies(o -> assertThat(o.publisherId()).isEqualTo(JP));
        assertThat(decision.signatures().get(0).kid()).hasValue(current.kid());
        assertThat(decision.decidedAt()).isEqualTo(Instant.parse("2026-06-01T12:00:00.123456Z"));
    }

    @Test
    void decideWhenKeyExpiredThenRefused() {
        List<MemberKey> keys = List.of(key(current, Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2021-01-01T00:00:00Z")));

        assertThat(onlyRefusal(policyAt(NOW).decide(received(TestStix.sign(TestStix.indicator(), current)),
                inputs(SignatureRequirement.VERIFIED, keys, Map.of()))))
                .contains("key " + current.kid() + " expired at 2021-01-01T00:00:00");
    }

    @Test
    void decideWhenKeyNotYetValidThenRefused() {
        List<MemberKey> keys = List.of(key(current, Instant.parse("2099-01-01T00:00:00Z"), null));

        assertThat(onlyRefusal(policyAt(NOW).decide(received(TestStix.sign(TestStix.indicator(), current)),
                inputs(SignatureRequirement.VERIFIED, keys, Map.of()))))
                .contains("key " + current.kid() + " is not valid before 2099-01-01T00:00:00");
    }

    @Test
    void decideWhenRotatedThenBothKeysValidDuringOverlapAndOldRefusedFromItsNotAfter() {
        Instant end = NOW.plusSeconds(2).truncatedTo(ChronoUnit.MICROS);
        List<MemberKey> keys = List.of(key(current, NOW.minusSeconds(3600), end), key(next, NOW.minusSeconds(60), null));
        Inputs inputs = inputs(SignatureRequirement.VERIFIED, keys, Map.of());

        IngestDecision during = policyAt(NOW).decide(received(TestStix.sign(TestStix.indicator(), current),
                TestStix.sign(TestStix.indicator(), next)), inputs);
        assertThat(during.refused()).isEmpty();
        assertThat(during.accepted()).hasSize(2);

        IngestDecision after = policyAt(end).decide(received(TestStix.sign(TestStix.indicator(), current),
                TestStix.sign(TestStix.indicator(), next)), inputs);
        assertThat(after.accepted()).singleElement().satisfies(o -> assertThat(o.index()).isEqualTo(1));
        assertThat(after.refused()).singleElement().satisfies(r -> assertThat(r.reason()).contains("key " + current.kid() + " expired at"));
    }

    @Test
    void decideWhenSignedWithAnotherMembersKeyThenRefusalNamesThatMemberFromTheLookedUpOwners() {
        SigningKey foreign = SigningKey.generate();
        List<MemberKey> keys = List.of(key(current, NOW.minusSeconds(3600), null));
        List<ReceivedObject> received = received(TestStix.sign(TestStix.indicator(), foreign));
        IngestPolicy policy = policyAt(NOW);

        IngestPolicy.Lookups lookups = policy.lookups(received, SignatureRequirement.VERIFIED, new PublisherKeys(JP, keys));
        assertThat(lookups.foreignKids()).containsExactly(foreign.kid());

        assertThat(onlyRefusal(policy.decide(received, inputs(SignatureRequirement.VERIFIED, keys,
                Map.of(foreign.kid(), new MemberId("us-agency"))))))
                .contains("a key of member 'us-agency'").contains("not of the publishing member 'jp-agency'");
        assertThat(onlyRefusal(policy.decide(received, inputs(SignatureRequirement.VERIFIED, keys, Map.of()))))
                .contains("unknown kid " + foreign.kid()).contains("no member registered it");
    }

    @Test
    void decideWhenRedRecipientIsNoMembersIdentityThenRefusedAndAKnownOneAccepted() {
        List<MemberKey> keys = List.of(key(current, NOW.minusSeconds(3600), null));
        String stranger = "identity--00000000-0000-4000-8000-000000000000";
        ObjectNode toStranger = red(stranger);
        ObjectNode toMember = red(KNOWN_RECIPIENT);
        List<ReceivedObject> received = received(TestStix.sign(toStranger, current), TestStix.sign(toMember, current));
        IngestPolicy policy = policyAt(NOW);

        assertThat(policy.lookups(received, SignatureRequirement.VERIFIED, new PublisherKeys(JP, keys)).recipients())
                .containsExactlyInAnyOrder(stranger, KNOWN_RECIPIENT);
        IngestDecision decision = policy.decide(received, inputs(SignatureRequirement.VERIFIED, keys, Map.of()));

        assertThat(decision.accepted()).singleElement().satisfies(o -> assertThat(o.index()).isEqualTo(1));
        assertThat(decision.refused()).singleElement().satisfies(r -> assertThat(r.reason())
                .isEqualTo("TLP:RED recipients [" + stranger + "] are not identities of members of the exchange"));
    }

    @Test
    void decideWhenUnsignedThenRefusedUnlessTheCollectionAcceptsUnsigned() {
        List<ReceivedObject> received = received(TestStix.indicator());

        assertThat(onlyRefusal(policyAt(NOW).decide(received, inputs(SignatureRequirement.VERIFIED, List.of(), Map.of()))))
                .startsWith("no signature");
        assertThat(policyAt(NOW).decide(received, inputs(SignatureRequirement.VERIFIED_WHEN_SIGNED, List.of(), Map.of()))
                .accepted()).hasSize(1);
    }

    @Test
    void decideWhenAttributedToAnotherIdentityThenRefusedBeforeItsSignatureIsChecked() {
        ObjectNode indicator = TestStix.indicator();
        indicator.put("created_by_ref", KNOWN_RECIPIENT);

        assertThat(onlyRefusal(policyAt(NOW).decide(received(indicator),
                inputs(SignatureRequirement.VERIFIED, List.of(), Map.of()))))
                .contains("publishing in another member's name is refused");
    }

    private static ObjectNode red(String recipient) {
        ObjectNode object = TestStix.indicator();
        object.putArray("object_marking_refs").add(Tlp.RED.id());
        ObjectNode extension = object.putObject("extensions").putObject(AudiencePolicy.DISTRIBUTION_EXTENSION_ID);
        extension.put("extension_type", "property-extension");
        extension.putArray("recipients").add(recipient);
        return object;
    }
}
