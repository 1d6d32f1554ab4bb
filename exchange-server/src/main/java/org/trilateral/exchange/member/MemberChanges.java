package org.trilateral.exchange.member;

import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.trilateral.exchange.ledger.AdminEventEntry;
import org.trilateral.exchange.ledger.TransparencyLog;
import org.trilateral.integrity.jcs.StrictJson;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Changes to the member registry, each logged as a public admin event in the same transaction
 * (docs/transparency-log.md, "Admin events"): who did it, to whom, and the fields set, subjects included, so that
 * every admin answers for what it did and verifiers learn which identity-provider subjects log in as which member.
 */
@Component
public class MemberChanges {

    /** The actor of changes the exchange makes from its own configuration at start-up. */
    public static final String EXCHANGE = "exchange";

    private final MemberStore store;
    private final TransparencyLog log;
    private final TransactionalOperator transaction;

    public MemberChanges(MemberStore store, TransparencyLog log, TransactionalOperator transaction) {
        this.store = store;
        this.log = log;
        this.transaction = transaction;
    }

    /** Adds a member, logging {@code member-created}. */
    public Mono<Member> create(Member member, String actor) {
        return store.insert(member)
                .flatMap(saved -> logged("member-created", actor, saved))
                .as(transaction::transactional);
    }

    /** Adds {@code member} unless a member with its id exists; answers whether it was added. */
    public Mono<Boolean> createIfAbsent(Member member, String actor) {
        return store.find(member.id()).map(existing -> false)
                .switchIfEmpty(Mono.defer(() -> create(member, actor).thenReturn(true)));
    }

    /**
     * Replaces a member's fields, logging {@code action} ({@code member-changed}, {@code member-suspended} or
     * {@code member-reinstated}); empty when there is no such member.
     */
    public Mono<Member> change(Member member, String actor, String action) {
        return change(member, actor, action, Optional.empty());
    }

    /** As {@link #change(Member, String, String)}, approved by a second admin (four-eyes). */
    public Mono<Member> change(Member member, String actor, String action, Optional<String> approvedBy) {
        return store.update(member)
                .flatMap(saved -> logged(action, actor, saved, approvedBy))
                .as(transaction::transactional);
    }

    /** True when {@code changed} changes who can log in as {@code existing}: its subjects or its identity. */
    public static boolean changesLogin(Member existing, Member changed) {
        return !existing.identityId().equals(changed.identityId())
                || !java.util.Set.copyOf(existing.subjects()).equals(java.util.Set.copyOf(changed.subjects()));
    }

    private Mono<Member> logged(String action, String actor, Member member) {
        return logged(action, actor, member, Optional.empty());
    }

    private Mono<Member> logged(String action, String actor, Member member, Optional<String> approvedBy) {
        return log.appendAdminEvent(new AdminEventEntry(action, actor, approvedBy, Optional.of(member.id().value()),
                fields(member))).thenReturn(member);
    }

    /** The fields a member-created or member-changed event records. */
    static ObjectNode fields(Member member) {
        ObjectNode change = StrictJson.mapper().createObjectNode();
        change.put("name", member.name());
        change.put("nation", member.nation().name());
        change.put("sector", member.sector().value());
        change.put("identity_id", member.identityId());
        ArrayNode roles = change.putArray("roles");
        member.roles().stream().map(Role::value).sorted().forEach(roles::add);
        change.put("status", member.status().value());
        ArrayNode subjects = change.putArray("subjects");
        member.subjects().stream()
                .sorted(java.util.Comparator.comparing(MemberSubject::issuer).thenComparing(MemberSubject::subject))
                .forEach(s -> subjects.addObject().put("issuer", s.issuer()).put("subject", s.subject()));
        return change;
    }
}
