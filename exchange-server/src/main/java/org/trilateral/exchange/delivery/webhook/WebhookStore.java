package org.trilateral.exchange.delivery.webhook;

import io.r2dbc.spi.Readable;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.trilateral.exchange.member.MemberId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Endpoints, their lanes' cursors and retry state, their leases and their dead letters, in PostgreSQL (V51). Every
 * read or change a member asks for names the member, so another member's endpoint is not there for it.
 */
@Repository
class WebhookStore {

    private static final String ENDPOINT_COLUMNS = "id, member_id, url, collection_id, types, description, paused,"
            + " created_at, suspended_at, suspended_reason";
    private static final String ENDPOINT = "SELECT " + ENDPOINT_COLUMNS + " FROM webhook_endpoint";
    private static final String LANE = "SELECT endpoint_id, lane, cursor, pending_to, attempts, first_failure,"
            + " next_attempt, last_error FROM webhook_lane";
    private static final String DEAD_LETTER = "SELECT id, endpoint_id, lane, from_position, to_position, positions,"
            + " attempts, first_attempt, last_attempt, last_error FROM webhook_dead_letter";

    private final DatabaseClient db;

    WebhookStore(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Adds the endpoint with both lanes at {@code cursor}, unless its member has {@code maxEndpoints} already.
     *
     * @return whether it was added
     */
    Mono<Boolean> insert(WebhookEndpoint endpoint, long cursor, int maxEndpoints) {
        DatabaseClient.GenericExecuteSpec insert = db.sql("INSERT INTO webhook_endpoint (id, member_id, url, collection_id,"
                        + " types, description, paused, created_at)"
                        + " SELECT :id, :member, :url, :collection, :types, :description, false, :created"
                        + " WHERE (SELECT count(*) FROM webhook_endpoint WHERE member_id = :member) < :max")
                .bind("id", endpoint.id())
                .bind("member", endpoint.member().value())
                .bind("url", endpoint.url().toString())
                .bind("types", endpoint.types().stream().sorted().toArray(String[]::new))
                .bind("description", endpoint.description())
                .bind("created", time(endpoint.created()))
                .bind("max", maxEndpoints);
        insert = endpoint.collection().isPresent() ? insert.bind("collection", endpoint.collection().get())
                : insert.bindNull("collection", String.class);
        return insert.fetch().rowsUpdated().flatMap(rows -> rows == 0 ? Mono.just(false)
                : db.sql("INSERT INTO webhook_lane (endpoint_id, lane, cursor) VALUES (:id, 'advisories', :cursor),"
                                + " (:id, 'general', :cursor)")
                        .bind("id", endpoint.id()).bind("cursor", cursor).fetch().rowsUpdated().thenReturn(true));
    }

    /** The member's endpoints, oldest first. */
    Flux<WebhookEndpoint> list(MemberId member) {
        return db.sql(ENDPOINT + " WHERE member_id = :member ORDER BY created_at, id").bind("member", member.value())
                .map(WebhookStore::endpoint).all();
    }

    /** The member's endpoint {@code id}; empty when there is none, or it is another member's. */
    Mono<WebhookEndpoint> find(MemberId member, String id) {
        return db.sql(ENDPOINT + " WHERE id = :id AND member_id = :member").bind("id", id).bind("member", member.value())
                .map(WebhookStore::endpoint).one();
    }

    /** Deletes the member's endpoint with its lanes and dead letters; whether there was one. */
    Mono<Boolean> delete(MemberId member, String id) {
        return db.sql("DELETE FROM webhook_endpoint WHERE id = :id AND member_id = :member")
                .bind("id", id).bind("member", member.value()).fetch().rowsUpdated().map(rows -> rows > 0);
    }

    /** Pauses or resumes the member's endpoint; whether there was one. */
    Mono<Boolean> pause(MemberId member, String id, boolean paused) {
        return db.sql("UPDATE webhook_endpoint SET paused = :paused WHERE id = :id AND member_id = :member")
                .bind("paused", paused).bind("id", id).bind("member", member.value()).fetch().rowsUpdated()
                .map(rows -> rows > 0);
    }

    /** The endpoint's lanes. */
    Flux<LaneState> lanes(String endpointId) {
        return db.sql(LANE + " WHERE endpoint_id = :id ORDER BY lane").bind("id", endpointId)
                .map(WebhookStore::lane).all();
    }

    /** The lanes of the endpoints {@code endpointIds}, in one read. */
    Flux<LaneState> lanes(Collection<String> endpointIds) {
        return db.sql(LANE + " WHERE endpoint_id = ANY(:ids)").bind("ids", endpointIds.toArray(String[]::new))
                .map(WebhookStore::lane).all();
    }

    /**
     * Leases up to {@code limit} endpoints that have events to deliver now ({@code head} is past a lane's cursor and the
     * lane is not waiting for a retry) and that no instance holds, and answers them as they are now: the rows are locked
     * with {@code SKIP LOCKED}, so two instances claiming at once take different endpoints. The endpoints leased longest
     * ago go first (one never leased before all), and a released endpoint keeps its release time as {@code lease_until},
     * so that every endpoint with work gets its turn however many there are.
     */
    Flux<WebhookEndpoint> claim(String owner, Instant now, Instant until, long head, int limit) {
        return db.sql("UPDATE webhook_endpoint SET lease_owner = :owner, lease_until = :until WHERE id IN ("
                        + " SELECT e.id FROM webhook_endpoint e WHERE NOT e.paused AND e.suspended_at IS NULL"
                        + " AND (e.lease_until IS NULL OR e.lease_until < :now)"
                        + " AND EXISTS (SELECT 1 FROM webhook_lane l WHERE l.endpoint_id = e.id AND l.cursor < :head"
                        + " AND (l.next_attempt IS NULL OR l.next_attempt <= :now))"
                        + " ORDER BY e.lease_until NULLS FIRST, e.id LIMIT :limit FOR UPDATE SKIP LOCKED)"
                        + " RETURNING " + ENDPOINT_COLUMNS)
                .bind("owner", owner).bind("until", time(until)).bind("now", time(now)).bind("head", head)
                .bind("limit", limit)
                .map(WebhookStore::endpoint)
                .all();
    }

    /** Extends this instance's lease of the endpoint; false when it no longer holds it. */
    Mono<Boolean> renew(String endpointId, String owner, Instant until) {
        return db.sql("UPDATE webhook_endpoint SET lease_until = :until WHERE id = :id AND lease_owner = :owner")
                .bind("until", time(until)).bind("id", endpointId).bind("owner", owner).fetch().rowsUpdated()
                .map(rows -> rows > 0);
    }

    /** Gives the endpoint back at {@code now}, so any instance may take it at once (after those waiting longer). */
    Mono<Void> release(String endpointId, String owner, Instant now) {
        return db.sql("UPDATE webhook_endpoint SET lease_owner = NULL, lease_until = :now WHERE id = :id"
                        + " AND lease_owner = :owner")
                .bind("now", time(now)).bind("id", endpointId).bind("owner", owner).fetch().rowsUpdated().then();
    }

    /**
     * A lane's cursor moved from {@code from} to {@code to}: past a delivery the endpoint accepted ({@code accepted},
     * which clears the lane's failure state), or past positions with nothing for the endpoint (which keeps when the lane
     * started failing).
     */
    record LaneMove(Lane lane, long from, long to, boolean accepted) {
    }

    /**
     * What {@link #commit} found: how many lanes moved, and whether the endpoint may still be delivered to by this
     * instance (it holds the lease, and the endpoint is neither deleted, paused nor suspended).
     */
    record Committed(int moved, boolean active) {
    }

    /**
     * After a delivery, in one statement: moves the lanes, each only if it is still where this instance read it and
     * this instance still holds the endpoint's lease (one that lost it cannot move a lane another moved since), renews
     * the lease until {@code until} or, with {@code release}, gives it back at {@code now}, and reads whether the
     * member paused the endpoint (or deleted it) meanwhile.
     */
    Mono<Committed> commit(String endpointId, String owner, List<LaneMove> moves, Instant now, Instant until,
                           boolean release) {
        return db.sql("WITH moved AS (UPDATE webhook_lane l SET cursor = v.to_position, pending_to = NULL, attempts = 0,"
                        + " next_attempt = NULL,"
                        + " first_failure = CASE WHEN v.accepted THEN NULL ELSE l.first_failure END,"
                        + " last_error = CASE WHEN v.accepted THEN NULL ELSE l.last_error END"
                        + " FROM unnest(CAST(:lanes AS text[]), CAST(:froms AS bigint[]), CAST(:tos AS bigint[]),"
                        + " CAST(:accepted AS boolean[])) AS v(lane, from_position, to_position, accepted)"
                        + " WHERE l.endpoint_id = :id AND l.lane = v.lane AND l.cursor = v.from_position"
                        + " AND EXISTS (SELECT 1 FROM webhook_endpoint e WHERE e.id = :id AND e.lease_owner = :owner)"
                        + " RETURNING l.lane),"
                        + " held AS (UPDATE webhook_endpoint"
                        + " SET lease_owner = CASE WHEN :release THEN NULL ELSE lease_owner END,"
                        + " lease_until = CASE WHEN :release THEN :now ELSE :until END"
                        + " WHERE id = :id AND lease_owner = :owner RETURNING NOT paused AND suspended_at IS NULL AS active)"
                        + " SELECT (SELECT count(*) FROM moved) AS moved, coalesce((SELECT active FROM held), false) AS active")
                .bind("lanes", moves.stream().map(m -> m.lane().value()).toArray(String[]::new))
                .bind("froms", moves.stream().map(LaneMove::from).toArray(Long[]::new))
                .bind("tos", moves.stream().map(LaneMove::to).toArray(Long[]::new))
                .bind("accepted", moves.stream().map(LaneMove::accepted).toArray(Boolean[]::new))
                .bind("id", endpointId).bind("owner", owner).bind("release", release)
                .bind("now", time(now)).bind("until", time(until))
                .map((row, meta) -> new Committed(row.get("moved", Long.class).intValue(),
                        Boolean.TRUE.equals(row.get("active", Boolean.class))))
                .one();
    }

    /** Records a failed attempt of the batch {@code [cursor, pendingTo)} and when to try it again. */
    Mono<Void> failed(String endpointId, Lane lane, long cursor, long pendingTo, int attempts, Instant firstFailure,
                      Instant nextAttempt, String error) {
        return db.sql("UPDATE webhook_lane SET pending_to = :to, attempts = :attempts, first_failure = :first,"
                        + " next_attempt = :next, last_error = :error WHERE endpoint_id = :id AND lane = :lane AND cursor = :cursor")
                .bind("to", pendingTo).bind("attempts", attempts).bind("first", time(firstFailure))
                .bind("next", time(nextAttempt)).bind("error", error).bind("id", endpointId).bind("lane", lane.value())
                .bind("cursor", cursor)
                .fetch().rowsUpdated().then();
    }

    /** What parking a dead letter did. */
    record Parked(boolean parked, boolean suspended) {
    }

    /**
     * Parks a batch given up on and moves its lane past it, in one statement (all or nothing). The lane keeps when it
     * started failing, so that until a delivery is accepted again each further batch is parked after one failed
     * attempt: an endpoint that has been down for longer than {@code retry-for} does not hold each batch that long.
     * When the endpoint then has {@code maxDeadLetters} dead letters, it is suspended for {@code reason} in the same
     * statement, so no further batch is parked past the limit.
     */
    Mono<Parked> deadLetter(DeadLetter letter, int maxDeadLetters, String reason) {
        // The sub-statements see the table as it was before the statement: the count does not hold the new letter.
        return db.sql("WITH moved AS (UPDATE webhook_lane SET cursor = :to, pending_to = NULL, attempts = 0,"
                        + " next_attempt = NULL, first_failure = coalesce(first_failure, :first), last_error = :error"
                        + " WHERE endpoint_id = :endpoint AND lane = :lane AND cursor = :from RETURNING endpoint_id),"
                        + " parked AS (INSERT INTO webhook_dead_letter (id, endpoint_id, lane, from_position, to_position,"
                        + " positions, attempts, first_attempt, last_attempt, last_error)"
                        + " SELECT :id, endpoint_id, :lane, :from, :to, :positions, :attempts, :first, :last, :error FROM moved"
                        + " RETURNING endpoint_id),"
                        + " suspended AS (UPDATE webhook_endpoint SET suspended_at = :last, suspended_reason = :reason"
                        + " WHERE id IN (SELECT endpoint_id FROM parked) AND suspended_at IS NULL"
                        + " AND (SELECT count(*) FROM webhook_dead_letter WHERE endpoint_id = :endpoint) + 1 >= :max"
                        + " RETURNING id)"
                        + " SELECT (SELECT count(*) FROM parked) AS parked, (SELECT count(*) FROM suspended) AS suspended")
                .bind("id", letter.id()).bind("endpoint", letter.endpointId()).bind("lane", letter.lane().value())
                .bind("from", letter.from()).bind("to", letter.to())
                .bind("positions", letter.positions().toArray(Long[]::new))
                .bind("attempts", letter.attempts()).bind("first", time(letter.firstAttempt()))
                .bind("last", time(letter.lastAttempt())).bind("error", letter.lastError())
                .bind("max", maxDeadLetters).bind("reason", reason)
                .map((row, meta) -> new Parked(row.get("parked", Long.class) > 0, row.get("suspended", Long.class) > 0))
                .one();
    }

    /**
     * Lifts the endpoint's suspension if it has fewer than {@code maxDeadLetters} dead letters now; whether it is not
     * suspended afterwards.
     */
    Mono<Boolean> resumeBelow(String endpointId, int maxDeadLetters) {
        return db.sql("WITH lifted AS (UPDATE webhook_endpoint SET suspended_at = NULL, suspended_reason = NULL"
                        + " WHERE id = :id AND suspended_at IS NOT NULL"
                        + " AND (SELECT count(*) FROM webhook_dead_letter WHERE endpoint_id = :id) < :max RETURNING id)"
                        + " SELECT NOT EXISTS (SELECT 1 FROM webhook_endpoint WHERE id = :id AND suspended_at IS NOT NULL"
                        + " AND id NOT IN (SELECT id FROM lifted)) AS active")
                .bind("id", endpointId).bind("max", maxDeadLetters)
                .map((row, meta) -> Boolean.TRUE.equals(row.get("active", Boolean.class))).one();
    }

    /** How many dead letters the endpoint has. */
    Mono<Long> deadLetterCount(String endpointId) {
        return db.sql("SELECT count(*) AS n FROM webhook_dead_letter WHERE endpoint_id = :id").bind("id", endpointId)
                .map((row, meta) -> row.get("n", Long.class)).one();
    }

    /** Deletes the endpoint's dead letters ({@code letterId}, or all when empty); how many there were. */
    Mono<Long> deleteDeadLetters(String endpointId, Optional<String> letterId) {
        return (letterId.isPresent()
                ? db.sql("DELETE FROM webhook_dead_letter WHERE endpoint_id = :endpoint AND id = :id")
                        .bind("endpoint", endpointId).bind("id", letterId.get())
                : db.sql("DELETE FROM webhook_dead_letter WHERE endpoint_id = :endpoint").bind("endpoint", endpointId))
                .fetch().rowsUpdated();
    }

    /** The endpoint's dead letters, in position order per lane (advisories first). */
    Flux<DeadLetter> deadLetters(String endpointId) {
        return db.sql(DEAD_LETTER + " WHERE endpoint_id = :id ORDER BY lane, from_position").bind("id", endpointId)
                .map(WebhookStore::readDeadLetter).all();
    }

    Mono<DeadLetter> deadLetter(String endpointId, String id) {
        return db.sql(DEAD_LETTER + " WHERE endpoint_id = :endpoint AND id = :id").bind("endpoint", endpointId)
                .bind("id", id).map(WebhookStore::readDeadLetter).one();
    }

    /** Removes a dead letter once it has been delivered. */
    Mono<Void> removeDeadLetter(String id) {
        return db.sql("DELETE FROM webhook_dead_letter WHERE id = :id").bind("id", id).fetch().rowsUpdated().then();
    }

    /** Records a failed replay of a dead letter. */
    Mono<Void> replayFailed(String id, Instant at, String error) {
        return db.sql("UPDATE webhook_dead_letter SET attempts = attempts + 1, last_attempt = :at, last_error = :error"
                        + " WHERE id = :id")
                .bind("at", time(at)).bind("error", error).bind("id", id).fetch().rowsUpdated().then();
    }

    /** How far the furthest-behind lane of an active endpoint is behind {@code head}. */
    Mono<Long> lag(long head) {
        return db.sql("SELECT coalesce(max(:head - l.cursor), 0) AS lag FROM webhook_lane l"
                        + " JOIN webhook_endpoint e ON e.id = l.endpoint_id WHERE NOT e.paused AND e.suspended_at IS NULL")
                .bind("head", head).map((row, meta) -> row.get("lag", Long.class)).one();
    }

    private static WebhookEndpoint endpoint(Readable row) {
        return new WebhookEndpoint(row.get("id", String.class), new MemberId(row.get("member_id", String.class)),
                URI.create(row.get("url", String.class)), Optional.ofNullable(row.get("collection_id", String.class)),
                Set.of(row.get("types", String[].class)), row.get("description", String.class),
                Boolean.TRUE.equals(row.get("paused", Boolean.class)),
                row.get("created_at", OffsetDateTime.class).toInstant(),
                instant(row, "suspended_at").map(since -> new WebhookEndpoint.Suspension(since,
                        String.valueOf(row.get("suspended_reason", String.class)))));
    }

    private static LaneState lane(Readable row) {
        Long pendingTo = row.get("pending_to", Long.class);
        return new LaneState(row.get("endpoint_id", String.class), Lane.of(row.get("lane", String.class)),
                row.get("cursor", Long.class), pendingTo == null ? OptionalLong.empty() : OptionalLong.of(pendingTo),
                row.get("attempts", Integer.class), instant(row, "first_failure"), instant(row, "next_attempt"),
                Optional.ofNullable(row.get("last_error", String.class)));
    }

    private static DeadLetter readDeadLetter(Readable row) {
        Long[] positions = row.get("positions", Long[].class);
        return new DeadLetter(row.get("id", String.class), row.get("endpoint_id", String.class),
                Lane.of(row.get("lane", String.class)), row.get("from_position", Long.class),
                row.get("to_position", Long.class), positions == null ? List.of() : Arrays.asList(positions),
                row.get("attempts", Integer.class), row.get("first_attempt", OffsetDateTime.class).toInstant(),
                row.get("last_attempt", OffsetDateTime.class).toInstant(), row.get("last_error", String.class));
    }

    private static Optional<Instant> instant(Readable row, String column) {
        return Optional.ofNullable(row.get(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }

    private static OffsetDateTime time(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }
}
