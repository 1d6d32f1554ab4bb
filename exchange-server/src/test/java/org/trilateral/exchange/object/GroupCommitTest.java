package org.trilateral.exchange.object;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.trilateral.exchange.access.Audience;
import org.trilateral.exchange.collection.CollectionRegistry;
import org.trilateral.exchange.collection.TaxiiCollection;
import org.trilateral.exchange.member.Member;
import org.trilateral.exchange.member.MemberId;
import org.trilateral.exchange.member.MemberStore;
import org.trilateral.exchange.member.Nation;
import org.trilateral.exchange.member.Role;
import org.trilateral.exchange.status.IngestStatus;
import org.trilateral.exchange.status.StatusDetail;
import org.trilateral.exchange.support.ExchangeIntegrationTest;
import org.trilateral.taxonomy.marking.Tlp;
import org.trilateral.taxonomy.stix.StixJson;
import org.trilateral.taxonomy.vocabulary.Sector;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * Group commit (docs/performance.md): envelopes decided while a write is in flight are written together, with one
 * log checkpoint, each still answered with its own status; envelopes naming the same object are never written
 * together; and when a joint write fails, the others' envelopes are written on their own.
 */
class GroupCommitTest extends ExchangeIntegrationTest {

    private static final String TIME = "2026-03-01T00:00:00.000Z";

    @Autowired
    private GroupCommit groupCommit;
    @Autowired
    private CollectionRegistry collections;
    @Autowired
    private MemberStore members;
    @Autowired
    private DatabaseClient db;

    @Test
    void envelopesOfSeveralPublishersArrivingDuringAWriteCommitTogetherWithOneCheckpoint() {
        TaxiiCollection indicators = collections.find("indicators").orElseThrow();
        List<Member> publishers = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
            publishers.add(member(register("gc-pub-" + p, Nation.US, Sector.TECHNOLOGY, Role.CONSUMER, Role.PUBLISHER).id()));
        }
        List<IngestDecision> decisions = new ArrayList<>();
        List<Member> by = new ArrayList<>();
        for (int e = 0; e < 12; e++) {
            Member publisher = publishers.get(e % 4);
            decisions.add(decision(publisher, 5));
            by.add(publisher);
        }
        long checkpointsBefore = checkpoints();

        // All submitted at once: the first is written alone, the eleven queued behind it together.
        List<IngestStatus> statuses = Flux.range(0, 12)
                .flatMapSequential(e -> groupCommit.write(indicators, by.get(e), decisions.get(e)))
                .collectList().block(Duration.ofMinutes(1));

        assertThat(checkpoints() - checkpointsBefore).as("checkpoints signed for 12 envelopes").isEqualTo(2);
        Set<Long> logIndexes = new HashSet<>();
        for (int e = 0; e < 12; e++) {
            IngestStatus status = statuses.get(e);
            assertThat(status.postedBy()).isEqualTo(by.get(e).id());
            assertThat(status.failures()).isEmpty();
            assertThat(status.successes()).extracting(StatusDetail::id)
                    .containsExactlyElementsOf(decisions.get(e).accepted().stream().map(IncomingObject::id).toList());
            status.successes().forEach(detail -> logIndexes.add(detail.logIndex()));
        }
        assertThat(logIndexes).as("one leaf per object").hasSize(60).doesNotContainNull();
        assertThat(db.sql("SELECT count(*) AS n FROM stix_object WHERE publisher_id LIKE 'gc-pub-%'")
                .map((row, meta) -> row.get("n", Long.class)).one().block()).isEqualTo(60L);
        assertThat(db.sql("SELECT count(*) AS n FROM ingest_status WHERE posted_by LIKE 'gc-pub-%'")
                .map((row, meta) -> row.get("n", Long.class)).one().block()).isEqualTo(12L);
    }

    @Test
    void envelopesNamingTheSameObjectAreWrittenOneAfterTheOther() {
        TaxiiCollection indicators = collections.find("indicators").orElseThrow();
        Member publisher = member(register("gc-same", Nation.JP, Sector.SOFTWARE, Role.CONSUMER, Role.PUBLISHER).id());
        IngestDecision first = decision(publisher, 3);
        IngestDecision again = new IngestDecision(first.decidedAt(), first.accepted(), List.of(), Map.of());

        List<IngestStatus> statuses = Flux.just(first, again, first)
                .flatMapSequential(decision -> groupCommit.write(indicators, publisher, decision))
                .collectList().block(Duration.ofMinutes(1));

        assertThat(statuses.get(0).successes()).allSatisfy(detail -> assertThat(detail.message()).isNull());
        for (int i = 1; i < 3; i++) {
            assertThat(statuses.get(i).successes()).extracting(StatusDetail::message)
                    .containsOnly("this version was already stored; nothing changed");
            assertThat(statuses.get(i).successes()).extracting(StatusDetail::logIndex)
                    .containsExactlyElementsOf(statuses.get(0).successes().stream().map(StatusDetail::logIndex).toList());
        }
        assertThat(db.sql("SELECT count(*) AS n FROM stix_object WHERE publisher_id = 'gc-same'")
                .map((row, meta) -> row.get("n", Long.class)).one().block()).isEqualTo(3L);
    }

    @Test
    void whenAJointWriteFailsTheOtherEnvelopesAreWrittenOnTheirOwn() {
        TaxiiCollection indicators = collections.find("indicators").orElseThrow();
        Member publisher = member(register("gc-fail", Nation.KR, Sector.DEFENCE, Role.CONSUMER, Role.PUBLISHER).id());
        IngestDecision good = decision(publisher, 2);
        // An id longer than a B-tree index entry may be (2,704 bytes, even compressed): the statement storing it fails,
        // and with it the transaction (the policy's limits refuse such ids long before; this stands for any failure).
        StringBuilder noise = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            noise.append(UUID.randomUUID().toString().replace("-", ""));
        }
        IngestDecision broken = decision(publisher, 1, noise.toString());
        IngestDecision alsoGood = decision(publisher, 2);
        IngestDecision lead = decision(publisher, 1);

        List<Mono<IngestStatus>> writes = List.of(groupCommit.write(indicators, publisher, lead),
                groupCommit.write(indicators, publisher, good), groupCommit.write(indicators, publisher, broken),
                groupCommit.write(indicators, publisher, alsoGood));
        List<Object> answers = Flux.fromIterable(writes)
                .flatMapSequential(write -> write.<Object>map(status -> status).onErrorResume(e -> Mono.just(e)))
                .collectList().block(Duration.ofMinutes(1));

        assertThat(answers.get(0)).isInstanceOf(IngestStatus.class);
        assertThat(((IngestStatus) answers.get(1)).successes()).hasSize(2);
        assertThat(answers.get(2)).as("the broken envelope fails alone").isInstanceOf(Throwable.class);
        assertThat(((IngestStatus) answers.get(3)).successes()).hasSize(2);
        assertThat(db.sql("SELECT count(*) AS n FROM stix_object WHERE publisher_id = 'gc-fail'")
                .map((row, meta) -> row.get("n", Long.class)).one().block()).isEqualTo(5L);
    }

    private Member member(String id) {
        return members.find(new MemberId(id)).block();
    }

    private long checkpoints() {
        return db.sql("SELECT count(*) AS n FROM log_checkpoint").map((row, meta) -> row.get("n", Long.class)).one().block();
    }

    private static IngestDecision decision(Member publisher, int objects) {
        return decision(publisher, objects, "");
    }

    /** Accepted indicators of {@code publisher}, as the policy would have decided them. */
    private static IngestDecision decision(Member publisher, int objects, String idSuffix) {
        List<IncomingObject> accepted = new ArrayList<>();
        for (int i = 0; i < objects; i++) {
            ObjectNode indicator = StixJson.mapper().createObjectNode();
            indicator.put("type", "indicator").put("spec_version", "2.1").put("id", "indicator--" + UUID.randomUUID() + idSuffix)
                    .put("created_by_ref", publisher.identityId()).put("created", TIME).put("modified", TIME)
                    .put("name", "group commit " + i).put("pattern", "[ipv4-addr:value = '198.51.100.7']")
                    .put("pattern_type", "stix").put("valid_from", TIME);
            accepted.add(new IncomingObject(i, indicator.get("id").asString(), "indicator", "2.1", Instant.parse(TIME), TIME,
                    ContentDigest.of(indicator), StixJson.mapper().writeValueAsString(indicator), publisher.id(),
                    new Audience(Tlp.GREEN, null, Set.of())));
        }
        return new IngestDecision(Instant.now().truncatedTo(ChronoUnit.MICROS), accepted, List.of(), Map.of());
    }
}
