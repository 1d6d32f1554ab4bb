package org.trilateral.exchange.ledger;

import java.util.Objects;
import java.util.Optional;
import org.trilateral.integrity.jws.Jwk;
import org.trilateral.integrity.log.KeyEventLeaf;
import org.trilateral.integrity.log.KeyProof;
import org.trilateral.integrity.log.LogLeaf;

/**
 * A change to a member's signing keys, public in the log as a {@link KeyEventLeaf}: with the member's proof for a
 * registration it made itself, and always naming who did it.
 *
 * @param actor      the member id that made the change (the member itself, an admin, or {@code exchange})
 * @param actorRole  {@code member}, {@code admin} or {@code exchange}
 * @param approvedBy the second admin of a four-eyes change
 */
public record KeyEventEntry(KeyEventLeaf.Event event, String member, String identity, String kid, Optional<Jwk> jwk,
                            Optional<String> notBefore, Optional<String> notAfter, Optional<String> reason,
                            Optional<KeyProof> proof, String actor, String actorRole, Optional<String> approvedBy)
        implements PublicLogEntry {

    public KeyEventEntry {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(jwk, "jwk");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(proof, "proof");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(actorRole, "actorRole");
        Objects.requireNonNull(approvedBy, "approvedBy");
    }

    @Override
    public String kind() {
        return KeyEventLeaf.KIND;
    }

    @Override
    public LogLeaf leafAt(String accepted) {
        return new KeyEventLeaf(event, member, identity, kid, jwk, notBefore, notAfter, reason, proof, actor, actorRole,
                approvedBy, accepted);
    }
}
