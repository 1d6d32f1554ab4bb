package org.trilateral.exchange.object;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.trilateral.exchange.access.Audience;
import org.trilateral.exchange.member.MemberId;
import org.trilateral.taxonomy.marking.Tlp;

/** Unit tests of version and conflict planning, without a database. */
class VersionPlanTest {

    private static final Instant V1 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant V2 = Instant.parse("2026-02-01T00:00:00Z");
    private static final Audience AMBER = new Audience(Tlp.AMBER, null, Set.of());

    private static byte[] sha(int b) {
        byte[] sha = new byte[32];
        sha[31] = (byte) b;
        return sha;
    }

    private static IncomingObject object(int index, String id, Instant version, int content, String publisher) {
        return new IncomingObject(index, id, "indicator", "2.1", version, version == null ? null : version.toString(),
                sha(content), "{}", new MemberId(publisher), AMBER);
    }

    private static final String HERE = "collection-here";

    private static VersionPlan.Stored stored(String id, Instant version, boolean versioned, int content, String publisher) {
        return stored(HERE, id, version, versioned, content, publisher, true);
    }

    private static VersionPlan.Stored stored(String collection, String id, Instant version, boolean versioned, int content,
                                             String publisher, boolean readable) {
        return new VersionPlan.Stored(collection, id, version, versioned, HexFormat.of().formatHex(sha(content)),
                publisher == null ? null : new MemberId(publisher), readable);
    }

    @Test
    void ofWhenNothingStoredThenEveryDistinctVersionIsAdded() {
        VersionPlan plan = VersionPlan.of(List.of(object(0, "indicator--a", V1, 1, "jp-agency"), object(1, "indicator--a", V2, 2, "jp-agency")), Map.of(), HERE);

        assertThat(plan.added()).extracting(IncomingObject::index).containsExactly(0, 1);
        assertThat(plan.decided()).isEmpty();
        assertThat(plan.idsWithSeveralVersions()).containsExactly("indicator--a");
    }

    @Test
    void ofWhenSameVersionSameContentStoredThenAlreadyStoredAndOtherContentConflicts() {
        Map<String, List<VersionPlan.Stored>> stored = Map.of("indicator--a", List.of(stored("indicator--a", V1, true, 1, "jp-agency")));

        VersionPlan plan = VersionPlan.of(List.of(object(0, "indicator--a", V1, 1, "jp-agency"), object(1, "indicator--a", V1, 9, "jp-agency")), stored, HERE);

        assertThat(plan.added()).isEmpty();
        assertThat(plan.decided()).extracting(StoreOutcome::kind)
                .containsExactly(StoreOutcome.Kind.ALREADY_STORED, StoreOutcome.Kind.CONFLICT);
    }

    @Test
    void ofWhenTwoVersionsOfOneIdInOneEnvelopeWithSameVersionThenSecondConflictsWithFirst() {
        VersionPlan plan = VersionPlan.of(List.of(object(0, "indicator--a", V1, 1, "jp-agency"), object(1, "indicator--a", V1, 2, "jp-agency")), Map.of(), HERE);

        assertThat(plan.added()).extracting(IncomingObject::index).containsExactly(0);
        assertThat(plan.decided()).singleElement().extracting(StoreOutcome::kind).isEqualTo(StoreOutcome.Kind.CONFLICT);
    }

    @Test
    void ofWhenAnotherMemberPublishedTheIdThenOtherPublisher() {
        Map<String, List<VersionPlan.Stored>> stored = Map.of("indicator--a", List.of(stored("indicator--a", V1, true, 1, "us-agency")));

        VersionPlan plan = VersionPlan.of(List.of(object(0, "indicator--a", V2, 2, "jp-agency")), stored, HERE);

        assertThat(plan.added()).isEmpty();
        assertThat(plan.decided()).singleElement().extracting(StoreOutcome::kind).isEqualTo(StoreOutcome.Kind.OTHER_PUBLISHER);
    }

    @Test
    void ofWhenAnotherMembersVersionIsInAnotherCollectionThenStillOtherPublisher() {
        Map<String, List<VersionPlan.Stored>> stored = Map.of("indicator--a",
                List.of(stored("elsewhere", "indicator--a", V1, true, 1, "us-agency", true)));

        VersionPlan plan = VersionPlan.of(List.of(object(0, "indicator--a", V2, 2, "jp-agency")), stored, HERE);

        assertThat(plan.decided()).singleElement().extracting(StoreOutcome::kind).isEqualTo(StoreOutcome.Kind.OTHER_PUBLISHER);
    }

    @Test
    void ofWhenAnotherMembersVersionIsOneThePublisherMayNotReadThenItsOwnChainAsIfNothingWereStored() {
        Map<String, List<VersionPlan.Stored>> stored = Map.of("indicator--a",
                List.of(stored(HERE, "indicator--a", V1, true, 1, "us-agency", false)));

        VersionPlan hidden = VersionPlan.of(List.of(object(0, "indicator--a", V1, 2, "jp-agency")), stored, HERE);
        VersionPlan nothing = VersionPlan.of(List.of(object(0, "indicator--a", V1, 2, "jp-agency")), Map.of(), HERE);

        assertThat(hidden.added()).extracting(IncomingObject::index).containsExactly(0);
        assertThat(hidden.decided()).isEmpty();
        assertThat(hidden.idsWithSeveralVersions()).isEqualTo(nothing.idsWithSeveralVersions());
    }

    @Test
    void ofWhenAnotherMemberPublishedTheSameScoThenThisMembersCopyIsAdded() {
        Map<String, List<VersionPlan.Stored>> stored = Map.of("ipv4-addr--a",
                List.of(stored(HERE, "ipv4-addr--a", V1, false, 1, "us-agency", true)));

        VersionPlan plan = VersionPlan.of(List.of(object(0, "ipv4-addr--a", null, 1, "jp-agency")), stored, HERE);

        assertThat(plan.added()).extracting(IncomingObject::index).containsExactly(0);
    }

    @Test
    void ofWhenStoredBeforePublishersWereRecordedThenAnyMemberMayVersionIt() {
        Map<String, List<VersionPlan.Stored>> stored = Map.of("indicator--a", List.of(stored("indicator--a", V1, true, 1, null)));

        VersionPlan plan = VersionPlan.of(List.of(object(0, "indicator--a", V2, 2, "jp-agency")), stored, HERE);

        assertThat(plan.added()).hasSize(1);
        assertThat(plan.idsWithSeveralVersions()).containsExactly("indicator--a");
    }

    @Test
    void ofWhenUnversionedThenToldApartByContent() {
        Map<String, List<VersionPlan.Stored>> stored = Map.of("ipv4-addr--a", List.of(stored("ipv4-addr--a", V1, false, 1, "jp-agency")));

        VersionPlan plan = VersionPlan.of(List.of(object(0, "ipv4-addr--a", null, 1, "jp-agency"), object(1, "ipv4-addr--a", null, 2, "jp-agency")), stored, HERE);

        assertThat(plan.added()).extracting(IncomingObject::index).containsExactly(1);
        assertThat(plan.decided()).singleElement().extracting(StoreOutcome::kind).isEqualTo(StoreOutcome.Kind.ALREADY_STORED);
    }

    @Test
    void outcomesWhenAddedThenInEnvelopeOrderAndUnversionedKnownByDateAdded() {
        Map<String, List<VersionPlan.Stored>> stored = Map.of("indicator--a", List.of(stored("indicator--a", V1, true, 1, "jp-agency")));
        VersionPlan plan = VersionPlan.of(List.of(object(0, "ipv4-addr--b", null, 3, "jp-agency"), object(1, "indicator--a", V1, 1, "jp-agency")), stored, HERE);
        Instant added = Instant.parse("2026-06-01T00:00:00.000001Z");

        List<StoreOutcome> outcomes = plan.outcomes(List.of(added));

        assertThat(outcomes).extracting(o -> o.object().index()).containsExactly(0, 1);
        assertThat(outcomes.get(0).kind()).isEqualTo(StoreOutcome.Kind.ADDED);
        assertThat(outcomes.get(0).versionText()).isEqualTo("2026-06-01T00:00:00.000001Z");
        assertThat(outcomes.get(0).dateAdded()).isEqualTo(added);
        assertThat(outcomes.get(1).kind()).isEqualTo(StoreOutcome.Kind.ALREADY_STORED);
    }
}
