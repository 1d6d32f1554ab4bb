package org.trilateral.exchange.member;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.trilateral.exchange.error.Refusal;
import org.trilateral.integrity.jcs.StrictJson;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * Four-eyes requests (docs/identity.md): opened by one admin, visible to every admin, approved (and then carried out
 * by the {@link ApprovedChange} of its kind, in the same transaction) or rejected by a second admin of another nation.
 */
@Component
public class AdminRequests {

    private final DatabaseClient db;
    private final TransactionalOperator transaction;
    private final Clock clock;
    private final Map<String, ApprovedChange> changes;

    public AdminRequests(DatabaseClient db, TransactionalOperator transaction, Clock clock, List<ApprovedChange> changes) {
        this.db = db;
        this.transaction = transaction;
        this.clock = clock;
        this.changes = changes.stream().collect(Collectors.toUnmodifiableMap(ApprovedChange::kind, Function.identity()));
    }

    /** Opens a pending request of {@code kind} about {@code member}, asked by {@code requester}. */
    public Mono<AdminRequest> open(String kind, MemberId member, ObjectNode change, Member requester) {
        AdminRequest request = new AdminRequest(UUID.randomUUID(), kind, member, change, requester.id(), requester.nation(),
                now(), "pending", Optional.empty(), Optional.empty());
        return db.sql("INSERT INTO admin_request (id, kind, member_id, change, requested_by, requested_nation,"
                        + " requested_at, status) VALUES (:id, :kind, :member, :change, :by, :nation, :at, 'pending')")
                .bind("id", request.id())
                .bind("kind", kind)
                .bind("member", member.value())
                .bind("change", StrictJson.mapper().writeValueAsString(change))
                .bind("by", requester.id().value())
                .bind("nation", requester.nation().name())
                .bind("at", OffsetDateTime.ofInstant(request.requestedAt(), ZoneOffset.UTC))
                .fetch().rowsUpdated()
                .thenReturn(request);
    }

    /** Every request still waiting for a second admin, oldest first. */
    public Flux<AdminRequest> pending() {
        return db.sql("SELECT * FROM admin_request WHERE status = 'pending' ORDER BY requested_at")
                .map((row, meta) -> read(row))
                .all();
    }

    /** One request. */
    public Mono<AdminRequest> find(UUID id) {
        return db.sql("SELECT * FROM admin_request WHERE id = :id").bind("id", id)
                .map((row, meta) -> read(row))
                .one()
                .switchIfEmpty(Mono.error(() -> Refusal.notFound("no admin request " + id)));
    }

    /**
     * Approves a pending request and carries it out, in one transaction.
     *
     * @throws Refusal conflict when it is not pending, or the approver is its requester or of the requester's nation
     */
    public Mono<AdminRequest> approve(UUID id, Member approver) {
        return decide(id, approver, "approved")
                .flatMap(request -> Optional.ofNullable(changes.get(request.kind()))
                        .map(change -> change.apply(request, approver).thenReturn(request))
                        .orElseGet(() -> Mono.error(new IllegalStateException("no change carries out requests of kind "
                                + request.kind()))))
                .as(transaction::transactional);
    }

    /** Rejects a pending request: nothing changes. */
    public Mono<AdminRequest> reject(UUID id, Member approver) {
        return decide(id, approver, "rejected").as(transaction::transactional);
    }

    private Mono<AdminRequest> decide(UUID id, Member approver, String status) {
        return find(id).flatMap(request -> {
            if (!request.status().equals("pending")) {
                return Mono.error(Refusal.conflict("admin request " + id + " is already " + request.status()));
            }
            if (request.requestedBy().equals(approver.id())) {
                return Mono.error(Refusal.conflict("the admin who asked cannot decide its own request: a second admin,"
                        + " of another nation, must"));
            }
            if (request.requestedNation() == approver.nation()) {
                return Mono.error(Refusal.conflict("admin request " + id + " was asked by an admin of "
                        + request.requestedNation() + ": an admin of another nation must decide it"));
            }
            Instant now = now();
            return db.sql("UPDATE admin_request SET status = :status, decided_by = :by, decided_at = :at"
                            + " WHERE id = :id AND status = 'pending'")
                    .bind("status", status)
                    .bind("by", approver.id().value())
                    .bind("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                    .bind("id", id)
                    .fetch().rowsUpdated()
                    .flatMap(count -> count == 0
                            ? Mono.<AdminRequest>error(Refusal.conflict("admin request " + id + " was decided meanwhile"))
                            : Mono.just(new AdminRequest(request.id(), request.kind(), request.member(), request.change(),
                                    request.requestedBy(), request.requestedNation(), request.requestedAt(), status,
                                    Optional.of(approver.id()), Optional.of(now))));
        });
    }

    private static AdminRequest read(io.r2dbc.spi.Readable row) {
        String decidedBy = row.get("decided_by", String.class);
        OffsetDateTime decidedAt = row.get("decided_at", OffsetDateTime.class);
        return new AdminRequest(row.get("id", UUID.class), row.get("kind", String.class),
                new MemberId(row.get("member_id", String.class)),
                (ObjectNode) StrictJson.mapper().readTree(row.get("change", String.class)),
                new MemberId(row.get("requested_by", String.class)), Nation.parse(row.get("requested_nation", String.class)),
                row.get("requested_at", OffsetDateTime.class).toInstant(), row.get("status", String.class),
                Optional.ofNullable(decidedBy).map(MemberId::new), Optional.ofNullable(decidedAt).map(OffsetDateTime::toInstant));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
