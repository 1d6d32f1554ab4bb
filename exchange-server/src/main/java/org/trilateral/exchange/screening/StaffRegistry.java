package org.trilateral.exchange.screening;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.trilateral.exchange.member.MemberId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The persona tokens employers registered as their current staff ({@code staff_token}, V44), for concurrent
 * employment (docs/screening.md). A registration replaces the employer's whole list, so staff who left drop out.
 */
@Repository
class StaffRegistry {

    /** One employer's registration of one token, with the sharing groups (names) that may learn who it is. */
    record Registration(String token, MemberId employer, Set<String> discloseGroups) {

        Registration {
            discloseGroups = Set.copyOf(discloseGroups);
        }
    }

    private final DatabaseClient db;
    private final TransactionalOperator transaction;

    StaffRegistry(DatabaseClient db, TransactionalOperator transaction) {
        this.db = db;
        this.transaction = transaction;
    }

    /** Replaces {@code employer}'s staff with {@code tokens}, each disclosed to {@code discloseGroups}. */
    Mono<Void> replace(MemberId employer, List<String> tokens, Set<String> discloseGroups, Instant now) {
        Mono<Long> delete = db.sql("DELETE FROM staff_token WHERE member_id = :member").bind("member", employer.value())
                .fetch().rowsUpdated();
        Mono<Long> insert = tokens.isEmpty() ? Mono.just(0L) : db.sql("INSERT INTO staff_token"
                        + " (member_id, token, disclose_groups, registered_at) SELECT :member, t, CAST(:groups AS text[]), :at"
                        + " FROM unnest(CAST(:tokens AS text[])) AS t ON CONFLICT DO NOTHING")
                .bind("member", employer.value())
                .bind("groups", discloseGroups.stream().sorted().toArray(String[]::new))
                .bind("at", now.atOffset(ZoneOffset.UTC))
                .bind("tokens", tokens.toArray(String[]::new))
                .fetch().rowsUpdated();
        return delete.then(insert).then().as(transaction::transactional);
    }

    /** Every registration of one of {@code tokens}, by any employer ({@code employer}'s own included). */
    Flux<Registration> registrations(Collection<String> tokens) {
        if (tokens.isEmpty()) {
            return Flux.empty();
        }
        return db.sql("SELECT token, member_id, disclose_groups FROM staff_token WHERE token = ANY(:tokens)")
                .bind("tokens", tokens.toArray(String[]::new))
                .map((row, meta) -> new Registration(row.get("token", String.class), new MemberId(row.get("member_id", String.class)),
                        Set.of(row.get("disclose_groups", String[].class))))
                .all();
    }
}
