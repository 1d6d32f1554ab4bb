package org.trilateral.exchange.keys;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.trilateral.exchange.ledger.KeyEventEntry;
import org.trilateral.exchange.ledger.TransparencyLog;
import org.trilateral.exchange.error.Refusal;
import org.trilateral.exchange.member.MemberId;
import org.trilateral.integrity.jws.Jwk;
import reactor.core.publisher.Mono;

/**
 * Registers, rotates and revokes members' keys. Each change and its transparency-log key event (docs/transparency-log.md)
 * commit together, so the log holds every key event that ever took effect.
 */
@Component
public class MemberKeys {

    private final MemberKeyStore store;
    private final TransparencyLog log;
    private final TransactionalOperator transaction;
    private final Clock clock;

    public MemberKeys(MemberKeyStore store, TransparencyLog log, TransactionalOperator transaction, Clock clock) {
        this.store = store;
        this.log = log;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** The keys of the member publishing an envelope, for its signature checks (one query). */
    public Mono<PublisherKeys> ofPublisher(MemberId memberId) {
        return store.forMember(memberId).collectList().map(keys -> new PublisherKeys(memberId, keys));
    }

    /**
     * Registers a public key for a member, valid from {@code notBefore} (now when absent) until {@code notAfter}.
     *
     * @throws Refusal conflict (as the Mono's error) when its kid is already registered, to anyone, even revoked
     */
    public Mono<MemberKey> register(MemberId memberId, Jwk jwk, Optional<Instant> notBefore, Optional<Instant> notAfter) {
        Instant now = now();
        MemberKey key = new MemberKey(memberId, jwk, notBefore.orElse(now), notAfter.orElse(null), null, null, now);
        return store.insert(key)
                .flatMap(added -> added
                        ? log.appendKeyEvent(new KeyEventEntry(KeyEventEntry.Event.REGISTRATION, memberId.value(), key.kid(),
                                Optional.of(jwk.toJson()))).thenReturn(key)
                        : Mono.<MemberKey>error(Refusal.conflict("kid " + key.kid()
                                + " is already registered; a key id is never reused, even after revocation: generate a new key")))
                .as(transaction::transactional);
    }

    /** Registers the key unless its kid is registered already (bootstrap configuration); answers whether it was added. */
    public Mono<Boolean> registerIfAbsent(MemberId memberId, Jwk jwk) {
        return store.find(jwk.thumbprint()).map(existing -> false)
                .switchIfEmpty(Mono.defer(() -> register(memberId, jwk, Optional.empty(), Optional.empty()).thenReturn(true)));
    }

    /**
     * Sets when a key stops being valid: rotation registers the new key, then ends the old one's validity later, so
     * both are valid in between.
     */
    public Mono<MemberKey> endValidity(MemberId memberId, String kid, Instant notAfter) {
        return owned(memberId, kid)
                .flatMap(key -> {
                    if (key.revoked()) {
                        return Mono.error(Refusal.conflict("key " + kid + " is revoked; its validity no longer changes"));
                    }
                    if (!notAfter.isAfter(key.notBefore())) {
                        return Mono.error(Refusal.invalid("not_after", "not_after must be later than the key's not_before "
                                + org.trilateral.taxonomy.stix.StixTimestamp.formatMicros(key.notBefore())));
                    }
                    return store.setNotAfter(kid, notAfter)
                            .switchIfEmpty(Mono.error(() -> Refusal.conflict("key " + kid + " was revoked meanwhile")))
                            .flatMap(changed -> log.appendKeyEvent(new KeyEventEntry(KeyEventEntry.Event.ROTATION, memberId.value(),
                                    kid, Optional.of(changed.jwk().toJson()))).thenReturn(changed));
                })
                .as(transaction::transactional);
    }

    /** Revokes a key now, with the reason: from then on no signature of it is accepted. */
    public Mono<MemberKey> revoke(MemberId memberId, String kid, String reason) {
        return owned(memberId, kid)
                .flatMap(key -> key.revoked()
                        ? Mono.<MemberKey>error(Refusal.conflict("key " + kid + " is already revoked"))
                        : store.revoke(kid, now(), reason)
                                .switchIfEmpty(Mono.error(() -> Refusal.conflict("key " + kid + " is already revoked"))))
                .flatMap(revoked -> log.appendKeyEvent(new KeyEventEntry(KeyEventEntry.Event.REVOCATION, memberId.value(), kid,
                        Optional.empty())).thenReturn(revoked))
                .as(transaction::transactional);
    }

    private Mono<MemberKey> owned(MemberId memberId, String kid) {
        return store.find(kid)
                .filter(key -> key.member().equals(memberId))
                .switchIfEmpty(Mono.error(() -> Refusal.notFound("member '" + memberId + "' has no key " + kid)));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
