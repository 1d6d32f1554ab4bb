package org.trilateral.exchange.delivery.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;
import org.trilateral.exchange.member.MemberId;
import org.trilateral.exchange.support.ExchangeIntegrationTest;

/**
 * The dispatcher's statements against the real PostgreSQL, with the dispatcher itself off so that only the test
 * claims: endpoints take turns (the one given back goes last), a commit moves a lane only from where it was read and
 * only for the lease holder and sees a pause, and the dead letter that reaches the limit suspends its endpoint in the
 * same statement, until dead letters are deleted below it. Each test starts without endpoints.
 */
@TestPropertySource(properties = {"exchange.webhooks.enabled=false", "exchange.webhooks.max-endpoints=100"})
class WebhookStoreTest extends ExchangeIntegrationTest {

    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
    private static final long HEAD = 10;

    @Autowired
    private WebhookStore store;

    @Autowired
    private DatabaseClient db;

    /** Each test sees only its own endpoints: a claim takes any member's. */
    @BeforeEach
    void noEndpoints() {
        db.sql("DELETE FROM webhook_endpoint").fetch().rowsUpdated().block();
    }

    @Test
    void claimWhenMoreEndpointsHaveWorkThanRoomThenTheyTakeTurnsAndTheOneGivenBackGoesLast() {
        MemberId member = member();
        List<String> endpoints = List.of(insert(member), insert(member), insert(member));
        List<String> claimed = new ArrayList<>();

        for (int turn = 0; turn < 4; turn++) {
            Instant now = T0.plusSeconds(turn);
            WebhookEndpoint endpoint = store.claim("one", now, now.plusSeconds(60), HEAD, 1).blockFirst();
            claimed.add(endpoint.id());
            store.release(endpoint.id(), "one", now).block();
        }

        assertThat(claimed.subList(0, 3)).containsExactlyInAnyOrderElementsOf(endpoints);
        assertThat(claimed.get(3)).as("the one given back longest ago").isEqualTo(claimed.get(0));
    }

    @Test
    void claimWhenHeldThenNotClaimedByAnotherUntilTheLeaseExpires() {
        String id = insert(member());
        Instant far = T0.plus(Duration.ofDays(400));

        WebhookEndpoint first = store.claim("one", far, far.plusSeconds(60), HEAD, 100)
                .filter(e -> e.id().equals(id)).blockFirst();
        List<WebhookEndpoint> meanwhile = store.claim("two", far.plusSeconds(30), far.plusSeconds(90), HEAD, 100)
                .collectList().block();
        List<WebhookEndpoint> after = store.claim("two", far.plusSeconds(61), far.plusSeconds(121), HEAD, 100)
                .collectList().block();

        assertThat(first).isNotNull();
        assertThat(meanwhile).extracting(WebhookEndpoint::id).doesNotContain(id);
        assertThat(after).extracting(WebhookEndpoint::id).contains(id);
    }

    @Test
    void commitWhenNotTheLeaseHolderOrNotWhereReadThenNothingMovesAndAPauseIsSeen() {
        MemberId member = member();
        String id = insert(member);
        Instant now = T0.plus(Duration.ofDays(800));
        store.claim("one", now, now.plusSeconds(60), HEAD, 100).filter(e -> e.id().equals(id)).blockFirst();
        List<WebhookStore.LaneMove> move = List.of(new WebhookStore.LaneMove(Lane.GENERAL, 0, 5, true));

        WebhookStore.Committed other = store.commit(id, "two", move, now, now.plusSeconds(60), false).block();
        WebhookStore.Committed holder = store.commit(id, "one", move, now, now.plusSeconds(60), false).block();
        WebhookStore.Committed again = store.commit(id, "one", move, now, now.plusSeconds(60), false).block();
        store.pause(member, id, true).block();
        WebhookStore.Committed paused = store.commit(id, "one", List.of(new WebhookStore.LaneMove(Lane.GENERAL, 5, 7,
                true)), now, now.plusSeconds(60), true).block();
        WebhookStore.Committed released = store.commit(id, "one", List.of(new WebhookStore.LaneMove(Lane.GENERAL, 7, 9,
                true)), now, now.plusSeconds(60), false).block();

        assertThat(other).isEqualTo(new WebhookStore.Committed(0, false));
        assertThat(holder).isEqualTo(new WebhookStore.Committed(1, true));
        assertThat(again.moved()).as("the lane is no longer at 0").isZero();
        assertThat(paused).isEqualTo(new WebhookStore.Committed(1, false));
        assertThat(released).as("the lease was given back").isEqualTo(new WebhookStore.Committed(0, false));
        assertThat(store.lanes(id).collectList().block()).filteredOn(l -> l.lane() == Lane.GENERAL)
                .extracting(LaneState::cursor).containsExactly(7L);
    }

    @Test
    void deadLetterWhenTheLimitIsReachedThenSuspendedInTheSameStatementAndResumedBelowIt() {
        MemberId member = member();
        String id = insert(member);

        WebhookStore.Parked first = store.deadLetter(letter(id, 0, 3), 2, "limit reached").block();
        WebhookStore.Parked second = store.deadLetter(letter(id, 3, 6), 2, "limit reached").block();
        WebhookEndpoint suspended = store.find(member, id).block();
        boolean resumedAtLimit = store.resumeBelow(id, 2).block();
        List<String> claimable = store.claim("one", T0.plus(Duration.ofDays(1200)), T0.plus(Duration.ofDays(1201)),
                HEAD, 1000).map(WebhookEndpoint::id).collectList().block();
        long deleted = store.deleteDeadLetters(id, Optional.of(store.deadLetters(id).blockFirst().id())).block();
        boolean resumed = store.resumeBelow(id, 2).block();

        assertThat(first).isEqualTo(new WebhookStore.Parked(true, false));
        assertThat(second).isEqualTo(new WebhookStore.Parked(true, true));
        assertThat(suspended.suspension()).map(WebhookEndpoint.Suspension::reason).contains("limit reached");
        assertThat(suspended.active()).isFalse();
        assertThat(resumedAtLimit).isFalse();
        assertThat(claimable).doesNotContain(id);
        assertThat(deleted).isEqualTo(1);
        assertThat(resumed).isTrue();
        assertThat(store.find(member, id).block().suspension()).isEmpty();
        assertThat(store.lanes(id).collectList().block()).filteredOn(l -> l.lane() == Lane.GENERAL)
                .extracting(LaneState::cursor).as("its position is kept").containsExactly(6L);
    }

    private MemberId member() {
        String id = "st-" + UUID.randomUUID().toString().substring(0, 8);
        register(id, org.trilateral.exchange.member.Nation.KR, org.trilateral.taxonomy.vocabulary.Sector.GOVERNMENT,
                org.trilateral.exchange.member.Role.CONSUMER);
        return new MemberId(id);
    }

    private String insert(MemberId member) {
        String id = UUID.randomUUID().toString();
        WebhookEndpoint endpoint = new WebhookEndpoint(id, member, URI.create("https://hooks.example.org/" + id),
                Optional.empty(), Set.of(), "", false, T0, Optional.empty());
        assertThat(store.insert(endpoint, 0, 100).block()).isTrue();
        return id;
    }

    private static DeadLetter letter(String endpointId, long from, long to) {
        Instant at = T0.plus(1, ChronoUnit.HOURS);
        return new DeadLetter(UUID.randomUUID().toString(), endpointId, Lane.GENERAL, from, to, List.of(from), 3, at,
                at, "the endpoint answered 500");
    }
}
