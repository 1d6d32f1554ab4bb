package org.trilateral.client.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.trilateral.client.IdentityProviderTrust;
import org.trilateral.client.TrustPolicy;
import org.trilateral.client.VerificationFailure;
import org.trilateral.integrity.jws.Jwk;
import org.trilateral.integrity.jws.JwkFormatException;
import org.trilateral.integrity.log.AdminEventLeaf;
import org.trilateral.integrity.log.KeyEventLeaf;
import org.trilateral.integrity.log.KeyProof;
import org.trilateral.integrity.log.KeyStatement;
import org.trilateral.integrity.log.LegacyLeaf;
import tools.jackson.databind.JsonNode;

/**
 * The members' keys as the log proves them: built by reading the key-event leaves (and the admin events that bind
 * identity-provider subjects to members) in log order, never from the hub's JWKS. A key counts from the index of its
 * registration; rotation windows and revocations count by log index, so a leaf the hub backdates cannot make a
 * revoked key vouch for it. Each registration's member proof is checked against the {@link TrustPolicy}: a previous
 * trusted key of the member, a pinned member root, or a pinned identity provider's attestation. Not thread-safe.
 */
public final class KeyHistory {

    /** How a registration was proven to be the member's, or why not. */
    public record Proof(boolean proven, String how) {
    }

    /** A key as the log shows it. */
    public record Key(String kid, String member, String identity, Jwk jwk, long registeredAt, Instant notBefore,
                      Optional<Instant> notAfter, Proof proof) {
    }

    /** A validity change at a log index. */
    private record Validity(long index, Instant notAfter) {
    }

    /** What a verifier is told about a key for one object. */
    public record Verdict(Optional<VerificationFailure> failure, String detail) {

        static Verdict ok(String detail) {
            return new Verdict(Optional.empty(), detail);
        }

        static Verdict failed(VerificationFailure failure, String detail) {
            return new Verdict(Optional.of(failure), detail);
        }
    }

    private final TrustPolicy policy;
    private final String logOrigin;
    private final Map<String, Key> keys = new LinkedHashMap<>();
    private final Map<String, List<Validity>> validity = new HashMap<>();
    private final Map<String, Long> revokedAt = new HashMap<>();
    private final Map<String, String> revokedReason = new HashMap<>();
    private final Map<String, Set<Map.Entry<String, String>>> subjects = new HashMap<>();
    private final List<String> anomalies = new ArrayList<>();
    private long size;

    public KeyHistory(TrustPolicy policy, String logOrigin) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.logOrigin = Objects.requireNonNull(logOrigin, "logOrigin");
    }

    /** How many leaves of the log have been read into this history. */
    public long size() {
        return size;
    }

    /** Records that leaves below {@code size} have been read. */
    public void readUpTo(long newSize) {
        if (newSize < size) {
            throw new IllegalArgumentException("the key history has read " + size + " leaves, not fewer");
        }
        size = newSize;
    }

    /** Every key the log registered, in log order. */
    public List<Key> keys() {
        return List.copyOf(keys.values());
    }

    /** Registrations the log holds that this history could not accept as they are (a second registration of a kid). */
    public List<String> anomalies() {
        return List.copyOf(anomalies);
    }

    /** The key {@code kid}, if the log registered it. */
    public Optional<Key> key(String kid) {
        return Optional.ofNullable(keys.get(kid));
    }

    /** The log index of the key's revocation, if any. */
    public OptionalLong revokedAt(String kid) {
        Long index = revokedAt.get(kid);
        return index == null ? OptionalLong.empty() : OptionalLong.of(index);
    }

    /** Reads one key event at {@code index}. */
    public void apply(long index, KeyEventLeaf leaf) {
        switch (leaf.event()) {
            case REGISTRATION -> register(index, leaf);
            case VALIDITY -> instant(leaf.notAfter().orElseThrow()).ifPresent(notAfter ->
                    validity.computeIfAbsent(leaf.kid(), k -> new ArrayList<>()).add(new Validity(index, notAfter)));
            case REVOCATION -> {
                revokedAt.putIfAbsent(leaf.kid(), index);
                revokedReason.putIfAbsent(leaf.kid(), leaf.reason().orElse("no reason given"));
            }
        }
    }

    /** Reads one admin event: member subjects bound by member-created and member-changed events. */
    public void apply(long index, AdminEventLeaf leaf) {
        if (leaf.member().isEmpty() || !(leaf.action().equals("member-created") || leaf.action().equals("member-changed"))) {
            return;
        }
        JsonNode list = leaf.change().get("subjects");
        if (list == null || !list.isArray()) {
            return;
        }
        Set<Map.Entry<String, String>> bound = new HashSet<>();
        list.forEach(s -> bound.add(Map.entry(s.path("issuer").asString(""), s.path("subject").asString(""))));
        subjects.put(leaf.member().get(), bound);
    }

    /** Reads a key event written before leaf format version 2: no member proof, no validity window. */
    public void apply(long index, LegacyLeaf leaf) {
        if (!leaf.kind().equals("key-event")) {
            return;
        }
        String kid = leaf.text("kid").orElse("");
        String member = leaf.text("member").orElse("");
        switch (leaf.text("event").orElse("")) {
            case "registration" -> {
                JsonNode jwk = leaf.json().get("jwk");
                try {
                    Jwk key = Jwk.fromJson(jwk);
                    if (!keys.containsKey(kid) && key.thumbprint().equals(kid)) {
                        keys.put(kid, new Key(kid, member, "", key, index, Instant.MIN, Optional.empty(),
                                ownOr(member, kid, new Proof(false, "registered before members proved their keys"
                                        + " (leaf format 1)"))));
                    }
                } catch (JwkFormatException e) {
                    anomalies.add("leaf " + index + " registers kid " + kid + " with an unreadable JWK");
                }
            }
            case "revocation" -> revokedAt.putIfAbsent(kid, index);
            default -> {
            }
        }
    }

    private void register(long index, KeyEventLeaf leaf) {
        if (keys.containsKey(leaf.kid())) {
            anomalies.add("leaf " + index + " registers kid " + leaf.kid() + " again (first at leaf "
                    + keys.get(leaf.kid()).registeredAt() + "); the first registration stands");
            return;
        }
        Optional<Instant> notBefore = instant(leaf.notBefore().orElseThrow());
        Optional<Instant> notAfter = leaf.notAfter().flatMap(this::instant);
        Proof proof = ownOr(leaf.member(), leaf.kid(), proofOf(index, leaf));
        keys.put(leaf.kid(), new Key(leaf.kid(), leaf.member(), leaf.identity(), leaf.jwk().orElseThrow(), index,
                notBefore.orElse(Instant.MAX), notAfter, proof));
    }

    private Proof ownOr(String member, String kid, Proof proof) {
        return policy.isOwnKey(member, kid) ? new Proof(true, "one of this participant's own keys") : proof;
    }

    private Proof proofOf(long index, KeyEventLeaf leaf) {
        if (leaf.proof().isEmpty()) {
            return new Proof(false, "its registration (leaf " + index + ", by " + leaf.actorRole() + " " + leaf.actor()
                    + ") carries no proof by the member");
        }
        KeyProof proof = leaf.proof().get();
        KeyStatement statement = leaf.statement(logOrigin).orElseThrow();
        Optional<String> possession = proof.possessionProblem(statement);
        if (possession.isPresent()) {
            return new Proof(false, possession.get());
        }
        JsonNode authorization = proof.authorization();
        switch (proof.type()) {
            case KeyProof.PREVIOUS_KEY -> {
                String previous = authorization.path("kid").asString("");
                Key prior = keys.get(previous);
                if (prior == null || !prior.member().equals(leaf.member())) {
                    return new Proof(false, "it is authorised by kid " + previous + ", which the log does not hold as"
                            + " a key of " + leaf.member() + " before leaf " + index);
                }
                if (revokedAt.containsKey(previous)) {
                    return new Proof(false, "it is authorised by kid " + previous + ", revoked at leaf "
                            + revokedAt.get(previous));
                }
                Optional<String> problem = proof.authorizationProblem(statement, prior.jwk());
                if (problem.isPresent()) {
                    return new Proof(false, problem.get());
                }
                return prior.proof().proven() ? new Proof(true, "authorised by the member's key " + previous)
                        : new Proof(false, "authorised by key " + previous + ", itself unproven: " + prior.proof().how());
            }
            case KeyProof.MEMBER_ROOT -> {
                Jwk root;
                try {
                    root = Jwk.fromJson(authorization.get("jwk"));
                } catch (JwkFormatException e) {
                    return new Proof(false, "its member-root authorisation has no readable root key");
                }
                if (!policy.memberRoots(leaf.member()).contains(root)) {
                    return new Proof(false, "it is authorised by root key " + root.thumbprint()
                            + ", which is not a pinned root of " + leaf.member());
                }
                Optional<String> problem = proof.authorizationProblem(statement, root);
                return problem.map(p -> new Proof(false, p))
                        .orElseGet(() -> new Proof(true, "authorised by the member's pinned root " + root.thumbprint()));
            }
            default -> {
                String issuer = authorization.path("issuer").asString("");
                Optional<IdentityProviderTrust> provider = policy.identityProviders().stream()
                        .filter(p -> p.issuer().equals(issuer)).findFirst();
                if (provider.isEmpty()) {
                    return new Proof(false, "it is attested by identity provider " + issuer + ", which is not trusted");
                }
                Optional<String> problem = IdentityAttestation.problem(authorization.path("token").asString(""),
                        provider.get(), leaf.member(), leaf.kid(), subjects.getOrDefault(leaf.member(), Set.of()));
                return problem.map(p -> new Proof(false, p))
                        .orElseGet(() -> new Proof(true, "attested by identity provider " + issuer));
            }
        }
    }

    /**
     * Whether key {@code kid} vouches for an object of {@code member} logged at {@code objectIndex}, accepted at
     * {@code accepted} and signed as of {@code signedTime} (its {@code modified} or {@code created}, when it has one).
     */
    public Verdict judge(String kid, String member, long objectIndex, Instant accepted, Optional<Instant> signedTime) {
        Key key = keys.get(kid);
        if (key == null || key.registeredAt() >= objectIndex) {
            return Verdict.failed(VerificationFailure.KEY_NOT_IN_LOG, "key " + kid + (key == null
                    ? " is not registered in the log" : " is registered at leaf " + key.registeredAt()
                    + ", after the object's leaf " + objectIndex) + ": a key the hub serves without a logged"
                    + " registration proves nothing");
        }
        if (!key.member().equals(member)) {
            return Verdict.failed(VerificationFailure.KEY_OF_ANOTHER_MEMBER, "key " + kid + " is registered to "
                    + key.member() + ", not to the publisher " + member);
        }
        Long revoked = revokedAt.get(kid);
        if (revoked != null && revoked < objectIndex) {
            return Verdict.failed(VerificationFailure.REVOKED_KEY, "key " + kid + " was revoked at leaf " + revoked
                    + " (" + revokedReason.getOrDefault(kid, "no reason given") + "), before the object's leaf "
                    + objectIndex);
        }
        Optional<Instant> notAfter = key.notAfter();
        for (Validity change : validity.getOrDefault(kid, List.of())) {
            if (change.index() < objectIndex && (notAfter.isEmpty() || change.notAfter().isBefore(notAfter.get()))) {
                notAfter = Optional.of(change.notAfter());
            }
        }
        // The key must be valid when the log accepted the object. The object's own time (its modified or created,
        // which the member signed) may be earlier than the key (a member publishing its backlog with a new key), but
        // never at or after the key's end: a signature cannot vouch for a time the key no longer covers.
        if (accepted.isBefore(key.notBefore()) || (notAfter.isPresent() && !accepted.isBefore(notAfter.get()))) {
            return Verdict.failed(VerificationFailure.KEY_NOT_VALID, "key " + kid + " is valid from "
                    + key.notBefore() + notAfter.map(t -> " until " + t).orElse("") + ", not at " + accepted
                    + ", when the log accepted the object");
        }
        if (signedTime.isPresent() && notAfter.isPresent() && !signedTime.get().isBefore(notAfter.get())) {
            return Verdict.failed(VerificationFailure.KEY_NOT_VALID, "key " + kid + " is valid until " + notAfter.get()
                    + ", but the object says it was made at " + signedTime.get());
        }
        if (!key.proof().proven()) {
            if (!policy.acceptUnprovenKeys()) {
                return Verdict.failed(VerificationFailure.UNPROVEN_KEY, "key " + kid + " of " + member
                        + " is not proven to be the member's: " + key.proof().how());
            }
            return Verdict.ok("key " + kid + " (UNPROVEN, accepted by policy: " + key.proof().how() + ")");
        }
        return Verdict.ok("key " + kid + " of " + member + ", " + key.proof().how());
    }

    private Optional<Instant> instant(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            anomalies.add("a key event has the unreadable time " + text);
            return Optional.empty();
        }
    }
}
