package org.trilateral.exchange.member;

import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.trilateral.taxonomy.vocabulary.Sector;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The membership registry in PostgreSQL. Nothing is cached: authentication reads the member on every request,
 * so a suspension or a change of roles applies to the very next call.
 */
@Repository
public class MemberStore {

    private static final String SELECT = "SELECT m.id, m.name, m.nation, m.sector, m.identity_id, m.roles, m.status,"
            + " m.created, m.updated,"
            + " ARRAY(SELECT s.issuer FROM member_subject s WHERE s.member_id = m.id ORDER BY s.issuer, s.subject) AS subject_issuers,"
            + " ARRAY(SELECT s.subject FROM member_subject s WHERE s.member_id = m.id ORDER BY s.issuer, s.subject) AS subject_values"
            + " FROM member m";

    private final DatabaseClient db;
    private final TransactionalOperator transaction;
    private final Clock clock;

    public MemberStore(DatabaseClient db, TransactionalOperator transaction, Clock clock) {
        this.db = db;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** The member identified by {@code subject} at the configured issuer named {@code issuer} (primary-key lookup). */
    public Mono<Member> findBySubject(String issuer, String subject) {
        return db.sql(SELECT + " JOIN member_subject k ON k.member_id = m.id WHERE k.issuer = :issuer AND k.subject = :subject")
                .bind("issuer", issuer)
                .bind("subject", subject)
                .map(MemberStore::member)
                .one();
    }

    public Mono<Member> find(MemberId id) {
        return db.sql(SELECT + " WHERE m.id = :id").bind("id", id.value()).map(MemberStore::member).one();
    }

    /** Every member, by id. */
    public Flux<Member> all() {
        return db.sql(SELECT + " ORDER BY m.id").map(MemberStore::member).all();
    }

    /** Of {@code identityIds}, those that are some member's identity. */
    public Mono<Set<String>> knownIdentities(Collection<String> identityIds) {
        if (identityIds.isEmpty()) {
            return Mono.just(Set.of());
        }
        return db.sql("SELECT identity_id FROM member WHERE identity_id = ANY(:ids)")
                .bind("ids", identityIds.toArray(String[]::new))
                .map((row, meta) -> row.get("identity_id", String.class))
                .all()
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Adds a member with its subjects; fails with the database's duplicate-key error if the id, identity or a subject is taken. */
    public Mono<Member> insert(Member member) {
        return withFields(db.sql("INSERT INTO member (id, name, nation, sector, identity_id, roles, status, created, updated)"
                        + " VALUES (:id, :name, :nation, :sector, :identity, :roles, :status, :now, :now)"), member)
                .fetch().rowsUpdated()
                .then(insertSubjects(member))
                .then(Mono.defer(() -> find(member.id())))
                .as(transaction::transactional);
    }

    /** Adds {@code member} unless a member with its id exists; answers whether it was added. */
    public Mono<Boolean> insertIfAbsent(Member member) {
        return find(member.id()).map(existing -> false).switchIfEmpty(Mono.defer(() -> insert(member).thenReturn(true)));
    }

    /** Replaces a member's name, nation, sector, identity, roles, status and subjects; empty when there is no such member. */
    public Mono<Member> update(Member member) {
        return withFields(db.sql("UPDATE member SET name = :name, nation = :nation, sector = :sector, identity_id = :identity,"
                        + " roles = :roles, status = :status, updated = :now WHERE id = :id"), member)
                .fetch().rowsUpdated()
                .flatMap(count -> count == 0 ? Mono.<Member>empty()
                        : db.sql("DELETE FROM member_subject WHERE member_id = :id").bind("id", member.id().value())
                                .fetch().rowsUpdated()
                                .then(insertSubjects(member))
                                .then(Mono.defer(() -> find(member.id()))))
                .as(transaction::transactional);
    }

    /** The member's columns, and the clock's now, bound to the statement's parameters. */
    private DatabaseClient.GenericExecuteSpec withFields(DatabaseClient.GenericExecuteSpec statement, Member member) {
        return statement
                .bind("id", member.id().value())
                .bind("name", member.name())
                .bind("nation", member.nation().name())
                .bind("sector", member.sector().value())
                .bind("identity", member.identityId())
                .bind("roles", roles(member.roles()))
                .bind("status", member.status().value())
                .bind("now", now());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    private Mono<Void> insertSubjects(Member member) {
        if (member.subjects().isEmpty()) {
            return Mono.empty();
        }
        return db.sql("INSERT INTO member_subject (issuer, subject, member_id)"
                        + " SELECT t.issuer, t.subject, :id FROM unnest(CAST(:issuers AS text[]), CAST(:subjects AS text[])) AS t(issuer, subject)")
                .bind("id", member.id().value())
                .bind("issuers", member.subjects().stream().map(MemberSubject::issuer).toArray(String[]::new))
                .bind("subjects", member.subjects().stream().map(MemberSubject::subject).toArray(String[]::new))
                .fetch().rowsUpdated().then();
    }

    private static String[] roles(Set<Role> roles) {
        return roles.stream().sorted().map(Role::value).toArray(String[]::new);
    }

    private static Member member(Readable row) {
        String[] issuers = row.get("subject_issuers", String[].class);
        String[] subjects = row.get("subject_values", String[].class);
        List<MemberSubject> pairs = new ArrayList<>(issuers.length);
        for (int i = 0; i < issuers.length; i++) {
            pairs.add(new MemberSubject(issuers[i], subjects[i]));
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(row.get("roles", String[].class)).map(Role::parse).forEach(roles::add);
        return new Member(
                new MemberId(row.get("id", String.class)),
                row.get("name", String.class),
                Nation.parse(row.get("nation", String.class)),
                Sector.parse(row.get("sector", String.class)),
                row.get("identity_id", String.class),
                roles,
                MemberStatus.valueOf(row.get("status", String.class).toUpperCase(java.util.Locale.ROOT)),
                pairs,
                row.get("created", OffsetDateTime.class).toInstant(),
                row.get("updated", OffsetDateTime.class).toInstant());
    }
}
