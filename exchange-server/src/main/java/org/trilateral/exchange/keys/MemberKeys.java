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
import org.trilateral.exchange.member.MemberStore;
import org.trilateral.integrity.jws.Jwk;
import org.trilateral.integrity.log.KeyEventLeaf;
import org.trilateral.integrity.log.KeyProof;
import org.trilateral.integrity.log.KeyStatement;
import org.trilateral.taxonomy.stix.StixTimestamp;
import reactor.core.publisher.Mono;

/**
 * Registers, rotates and revokes members' keys. Each change and its transparency-log key event (docs/transparency-log.md)
 * commit together, so the log holds every key event that ever took effect.
 */
@Component
public class MemberKeys {

    private final MemberKeyStore store;
    private final MemberStore members;
    private final TransparencyLog log;
    private final TransactionalOperator transaction;
    private final Clock clock;

    public MemberKeys(MemberKeyStore store, MemberStore members, TransparencyLog log, TransactionalOperator transaction,
                      Clock clock) {
        this.store = store;
        this.members = members;
        this.log = log;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** The keys of the member publishing an envelope, for its signature checks (one query). */
    public Mono<PublisherKeys> ofPublisher(MemberId memberId) {
        return store.forMember(memberId).collectList().map(keys -> new PublisherKeys(memberId, keys));
    }

    /**
     * Registers a public key for a member, valid from {@code notBefore} (now when absent) until {@code notAfter}, and
     * logs the registration with the member's proof and who made it. A proof is checked before anything is stored:
     * the key's own signature over the key statement, and for a rotation the signature of the member's current key
     * (verifiers check the rest against what they pin).
     *
     * @param notBefore the start of the validity as the member wrote it in its statement (RFC 3339), if given
     * @param notAfter  the end of the validity as written, if given
     * @throws Refusal conflict (as the Mono's error) when its kid is already registered, to anyone, even revoked;
     *                 invalid when the proof does not verify
     */
    public Mono<MemberKey> register(MemberId memberId, Jwk jwk, Optional<String> notBefore, Optional<String> notAfter,
                                    Optional<KeyProof> proof, KeyActor actor) {
        Instant now = now();
        String notBeforeText = notBefore.orElseGet(() -> StixTimestamp.formatMicros(now));
        Instant from = parse("not_before", notBeforeText);
        Instant until = notAfter.map(text -> parse("not_after", text)).orElse(null);
        if (until != null && !until.isAfter(from)) {
            return Mono.error(Refusal.invalid("not_after", "not_after must be later than not_before " + notBeforeText));
        }
        MemberKey key = new MemberKey(memberId, jwk, from, until, null, null, now);
        return members.find(memberId)
                .switchIfEmpty(Mono.error(() -> Refusal.notFound("no member '" + memberId + "'")))
                .flatMap(member -> {
                    KeyStatement statement = new KeyStatement(log.origin(), memberId.value(), member.identityId(), jwk,
                            notBeforeText, notAfter);
                    return checkProof(memberId, statement, proof)
                            .then(store.insert(key))
                            .flatMap(added -> added
                                    ? log.appendKeyEvent(new KeyEventEntry(KeyEventLeaf.Event.REGISTRATION, memberId.value(),
                                            member.identityId(), key.kid(), Optional.of(jwk), Optional.of(notBeforeText),
                                            notAfter, Optional.empty(), proof, actor.id(), actor.role(), actor.approvedBy()))
                                            .thenReturn(key)
                                    : Mono.<MemberKey>error(Refusal.conflict("kid " + key.kid() + " is already registered;"
                                            + " a key id is never reused, even after revocation: generate a new key")));
                })
                .as(transaction::transactional);
    }

    /** Registers the key unless its kid is registered already (bootstrap configuration); answers whether it was added. */
    public Mono<Boolean> registerIfAbsent(MemberId memberId, Jwk jwk) {
        return store.find(jwk.thumbprint()).map(existing -> false)
                .switchIfEmpty(Mono.defer(() -> register(memberId, jwk, Optional.empty(), Optional.empty(), Optional.empty(),
                        KeyActor.exchange()).thenReturn(true)));
    }

    /**
     * Sets when a key stops being valid: rotation registers the new key, then ends the old one's validity later, so
     * both are valid in between.
     */
    public Mono<MemberKey> endValidity(MemberId memberId, String kid, Instant notAfter, KeyActor actor) {
        return owned(memberId, kid)
                .flatMap(key -> {
                    if (key.revoked()) {
                        return Mono.error(Refusal.conflict("key " + kid + " is revoked; its validity no longer changes"));
                    }
                    if (!notAfter.isAfter(key.notBefore())) {
                        return Mono.error(Refusal.invalid("not_after", "not_after must be later than the key's not_before "
                                + StixTimestamp.formatMicros(key.notBefore())));
                    }
                    return store.setNotAfter(kid, notAfter)
                            .switchIfEmpty(Mono.error(() -> Refusal.conflict("key " + kid + " was revoked meanwhile")))
                            .flatMap(changed -> identityOf(memberId).flatMap(identity -> log.appendKeyEvent(
                                    new KeyEventEntry(KeyEventLeaf.Event.VALIDITY, memberId.value(), identity, kid,
                                            Optional.empty(), Optional.empty(), Optional.of(StixTimestamp.formatMicros(notAfter)),
                                            Optional.empty(), Optional.empty(), actor.id(), actor.role(), Optional.empty())))
                                    .thenReturn(changed));
                })
                .as(transaction::transactional);
    }

    /** Revokes a key now, with the reason: from then on no signature of it is accepted. */
    public Mono<MemberKey> revoke(MemberId memberId, String kid, String reason, KeyActor actor) {
        return owned(memberId, kid)
                .flatMap(key -> key.revoked()
                        ? Mono.<MemberKey>error(Refusal.conflict("key " + kid + " is already revoked"))
                        : store.revoke(kid, now(), reason)
                                .switchIfEmpty(Mono.error(() -> Refusal.conflict("key " + kid + " is already revoked"))))
                .flatMap(revoked -> identityOf(memberId).flatMap(identity -> log.appendKeyEvent(new KeyEventEntry(
                                KeyEventLeaf.Event.REVOCATION, memberId.value(), identity, kid, Optional.empty(),
                                Optional.empty(), Optional.empty(), Optional.of(reason), Optional.empty(), actor.id(),
                                actor.role(), Optional.empty())))
                        .thenReturn(revoked))
                .as(transaction::transactional);
    }

    /** Checks what the exchange can check of a member's proof before logging it. */
    private Mono<Void> checkProof(MemberId memberId, KeyStatement statement, Optional<KeyProof> proof) {
        if (proof.isEmpty()) {
            return Mono.empty();
        }
        KeyProof given = proof.get();
        Optional<String> possession = given.possessionProblem(statement);
        if (possession.isPresent()) {
            return Mono.error(Refusal.invalid("proof.pop", possession.get()
                    + " (the key signs the key statement of docs/transparency-log.md, \"Key events\")"));
        }
        switch (given.type()) {
            case KeyProof.PREVIOUS_KEY -> {
                String previous = given.authorization().path("kid").asString("");
                return store.find(previous)
                        .filter(key -> key.member().equals(memberId) && !key.revoked())
                        .switchIfEmpty(Mono.error(() -> Refusal.invalid("proof.authorization", "kid " + previous
                                + " is not a current key of member '" + memberId + "'")))
                        .flatMap(key -> given.authorizationProblem(statement, key.jwk())
                                .<Mono<Void>>map(problem -> Mono.error(Refusal.invalid("proof.authorization", problem)))
                                .orElseGet(Mono::empty));
            }
            case KeyProof.MEMBER_ROOT -> {
                try {
                    Jwk root = Jwk.fromJson(given.authorization().get("jwk"));
                    return given.authorizationProblem(statement, root)
                            .<Mono<Void>>map(problem -> Mono.error(Refusal.invalid("proof.authorization", problem)))
                            .orElseGet(Mono::empty);
                } catch (org.trilateral.integrity.jws.JwkFormatException e) {
                    return Mono.error(Refusal.invalid("proof.authorization", "the member root is not a public JWK: "
                            + e.getMessage()));
                }
            }
            default -> {
                // An identity provider's attestation is checked by verifiers against the providers they trust.
                return Mono.empty();
            }
        }
    }

    private Mono<String> identityOf(MemberId memberId) {
        return members.find(memberId).map(member -> member.identityId()).defaultIfEmpty("");
    }

    private static Instant parse(String member, String text) {
        try {
            return StixTimestamp.parse(text);
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid(member, "\"" + member + "\": " + e.getMessage());
        }
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
