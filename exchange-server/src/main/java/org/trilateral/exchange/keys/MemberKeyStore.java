package org.trilateral.exchange.keys;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.trilateral.exchange.member.MemberId;
import org.trilateral.integrity.jws.Jwk;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Members' keys in PostgreSQL ({@code member_key}). Rows are never deleted, so a kid once registered stays taken.
 * Decoded {@link Jwk}s are kept by kid: a kid is the thumbprint of its key, so the decoded key for a kid never
 * changes (its validity and revocation are read from the database every time).
 */
@Repository
public class MemberKeyStore {

    private static final String SELECT = "SELECT k.kid, k.member_id, k.jwk, k.not_before, k.not_after, k.revoked_at,"
            + " k.revoked_reason, k.created FROM member_key k";
    private static final int MAX_DECODED = 10_000;

    private final DatabaseClient db;
    private final Map<String, Jwk> decoded = new ConcurrentHashMap<>();

    public MemberKeyStore(DatabaseClient db) {
        this.db = db;
    }

    /** Every key of the member, current and past, oldest first. */
    public Flux<MemberKey> forMember(MemberId memberId) {
        return db.sql(SELECT + " WHERE k.member_id = :member ORDER BY k.created, k.kid")
                .bind("member", memberId.value()).map(this::key).all();
    }

    public Mono<MemberKey> find(String kid) {
        return db.sql(SELECT + " WHERE k.kid = :kid").bind("kid", kid).map(this::key).one();
    }

    /** Of {@code kids}, those registered to some member, with that member's id. */
    public Mono<Map<String, MemberId>> owners(Collection<String> kids) {
        if (kids.isEmpty()) {
            return Mono.just(Map.of());
        }
        return db.sql("SELECT kid, member_id FROM member_key WHERE kid = ANY(:kids)")
                .bind("kids", kids.toArray(String[]::new))
                .map((row, meta) -> Map.entry(row.get("kid", String.class), new MemberId(row.get("member_id", String.class))))
                .all()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Every key of every member with the member's STIX identity id, by member then age. */
    public Flux<PublishedKey> published() {
        return db.sql(SELECT.replace(" FROM member_key k", ", m.identity_id FROM member_key k JOIN member m ON m.id = k.member_id")
                        + " ORDER BY k.member_id, k.created, k.kid")
                .map((row, meta) -> new PublishedKey(key(row), row.get("identity_id", String.class)))
                .all();
    }

    /** Adds the key; answers false, changing nothing, when its kid is already registered (to anyone, even revoked). */
    public Mono<Boolean> insert(MemberKey key) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("INSERT INTO member_key (kid, member_id, jwk, alg, not_before,"
                        + " not_after, revoked_at, revoked_reason, created) VALUES (:kid, :member, :jwk, :alg,"
                        + " :notBefore, :notAfter, NULL, NULL, :created) ON CONFLICT (kid) DO NOTHING")
                .bind("kid", key.kid())
                .bind("member", key.member().value())
                .bind("jwk", key.jwk().toJson().toString())
                .bind("alg", key.jwk().algorithm().headerValue())
                .bind("notBefore", utc(key.notBefore()))
                .bind("created", utc(key.created()));
        spec = key.notAfter() == null ? spec.bindNull("notAfter", OffsetDateTime.class) : spec.bind("notAfter", utc(key.notAfter()));
        return spec.fetch().rowsUpdated().map(count -> count == 1);
    }

    /** Sets the end of validity of a key that is not revoked; answers the changed key, or empty. */
    public Mono<MemberKey> setNotAfter(String kid, Instant notAfter) {
        return db.sql("UPDATE member_key SET not_after = :notAfter WHERE kid = :kid AND revoked_at IS NULL")
                .bind("kid", kid).bind("notAfter", utc(notAfter))
                .fetch().rowsUpdated()
                .flatMap(count -> count == 0 ? Mono.empty() : find(kid));
    }

    /** Revokes a key that is not revoked yet; answers the revoked key, or empty. */
    public Mono<MemberKey> revoke(String kid, Instant at, String reason) {
        return db.sql("UPDATE member_key SET revoked_at = :at, revoked_reason = :reason WHERE kid = :kid AND revoked_at IS NULL")
                .bind("kid", kid).bind("at", utc(at)).bind("reason", reason)
                .fetch().rowsUpdated()
                .flatMap(count -> count == 0 ? Mono.empty() : find(kid));
    }

    private MemberKey key(Readable row) {
        String kid = row.get("kid", String.class);
        Jwk jwk = decoded.get(kid);
        if (jwk == null) {
            jwk = Jwk.parse(row.get("jwk", String.class));
            if (decoded.size() >= MAX_DECODED) {
                decoded.clear();
            }
            decoded.put(kid, jwk);
        }
        return new MemberKey(new MemberId(row.get("member_id", String.class)), jwk, instant(row, "not_before"), instant(row, "not_after"),
                instant(row, "revoked_at"), row.get("revoked_reason", String.class), instant(row, "created"));
    }

    private static Instant instant(Readable row, String column) {
        OffsetDateTime value = row.get(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** A key as the JWKS document publishes it: with the STIX identity of the member whose key it is. */
    public record PublishedKey(MemberKey key, String identityId) {
    }
}
