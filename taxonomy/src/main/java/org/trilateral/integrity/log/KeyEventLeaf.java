package org.trilateral.integrity.log;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.trilateral.integrity.jcs.StrictJson;
import org.trilateral.integrity.jws.Jwk;
import org.trilateral.integrity.jws.JwkFormatException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A change to a member's signing keys, public in the log: {@code {"v":2,"kind":"key-event","event","member",
 * "identity","kid","jwk"?,"not_before"?,"not_after"?,"reason"?,"proof"?,"actor","actor_role","approved_by"?,
 * "accepted"}}. A verifier trusts a key only as the log shows it: registered (with the member's {@link KeyProof})
 * at a lower index than the object it verifies, and not revoked at a lower index; validity windows are in the
 * leaves. Events:
 * <ul>
 *   <li>{@code registration}: {@code jwk}, {@code not_before}, {@code not_after}?, {@code proof}?</li>
 *   <li>{@code validity}: the key's validity now ends at {@code not_after} (verifiers only ever shorten a window
 *       this way; a longer one needs a new registration);</li>
 *   <li>{@code revocation}: {@code reason}.</li>
 * </ul>
 *
 * @param actorRole {@code member} (the member, through its own token), {@code admin} or {@code exchange}
 *     (configuration at start-up)
 */
public record KeyEventLeaf(Event event, String member, String identity, String kid, Optional<Jwk> jwk,
                           Optional<String> notBefore, Optional<String> notAfter, Optional<String> reason,
                           Optional<KeyProof> proof, String actor, String actorRole, Optional<String> approvedBy,
                           String accepted) implements LogLeaf {

    /** The leaf's {@code kind}. */
    public static final String KIND = "key-event";

    /** What happened to the key. */
    public enum Event {
        REGISTRATION, VALIDITY, REVOCATION;

        /** The value of the leaf's {@code event}. */
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Event of(String value) {
            for (Event event : values()) {
                if (event.value().equals(value)) {
                    return event;
                }
            }
            throw new LeafFormatException("the key event \"" + value + "\" is not registration, validity or revocation");
        }
    }

    public KeyEventLeaf {
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
        Objects.requireNonNull(accepted, "accepted");
        if (event == Event.REGISTRATION && (jwk.isEmpty() || notBefore.isEmpty())) {
            throw new LeafFormatException("a registration names the key's jwk and not_before");
        }
        if (jwk.isPresent() && !jwk.get().thumbprint().equals(kid)) {
            throw new LeafFormatException("the key event's kid " + kid + " is not its jwk's thumbprint");
        }
        if (event == Event.VALIDITY && notAfter.isEmpty()) {
            throw new LeafFormatException("a validity event names the new not_after");
        }
    }

    /** The statement the member signed, for a registration. */
    public Optional<KeyStatement> statement(String logOrigin) {
        if (event != Event.REGISTRATION) {
            return Optional.empty();
        }
        return Optional.of(new KeyStatement(logOrigin, member, identity, jwk.orElseThrow(), notBefore.orElseThrow(),
                notAfter));
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode leaf = StrictJson.mapper().createObjectNode();
        leaf.put("v", VERSION);
        leaf.put("kind", KIND);
        leaf.put("event", event.value());
        leaf.put("member", member);
        leaf.put("identity", identity);
        leaf.put("kid", kid);
        jwk.ifPresent(k -> leaf.set("jwk", k.toJson()));
        notBefore.ifPresent(t -> leaf.put("not_before", t));
        notAfter.ifPresent(t -> leaf.put("not_after", t));
        reason.ifPresent(r -> leaf.put("reason", r));
        proof.ifPresent(p -> leaf.set("proof", p.toJson()));
        leaf.put("actor", actor);
        leaf.put("actor_role", actorRole);
        approvedBy.ifPresent(a -> leaf.put("approved_by", a));
        leaf.put("accepted", accepted);
        return leaf;
    }

    /** Reads a key-event leaf. */
    public static KeyEventLeaf parse(JsonNode leaf) {
        Json.requireVersion(leaf, KIND);
        Optional<Jwk> jwk;
        try {
            jwk = leaf.has("jwk") ? Optional.of(Jwk.fromJson(Json.object(leaf, "jwk"))) : Optional.empty();
        } catch (JwkFormatException e) {
            throw new LeafFormatException("the key event's jwk is not a public JWK: " + e.getMessage(), e);
        }
        return new KeyEventLeaf(Event.of(Json.text(leaf, "event")), Json.text(leaf, "member"),
                Json.text(leaf, "identity"), Json.text(leaf, "kid"), jwk, Json.optionalText(leaf, "not_before"),
                Json.optionalText(leaf, "not_after"), Json.optionalText(leaf, "reason"),
                leaf.has("proof") ? Optional.of(KeyProof.parse(Json.object(leaf, "proof"))) : Optional.empty(),
                Json.text(leaf, "actor"), Json.text(leaf, "actor_role"), Json.optionalText(leaf, "approved_by"),
                Json.text(leaf, "accepted"));
    }
}
