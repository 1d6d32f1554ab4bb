package org.trilateral.integrity.log;

import java.util.Objects;
import java.util.Optional;
import org.trilateral.integrity.jcs.JsonCanonicalizer;
import org.trilateral.integrity.jcs.StrictJson;
import org.trilateral.integrity.jws.Jwk;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a member signs to register one of its keys: {@code {"statement":"trilateral-exchange/key-registration/v1",
 * "log","member","identity","kid","jwk","not_before","not_after"?}}, as RFC 8785 text. The registration's key-event
 * leaf repeats every member of it, so a verifier rebuilds the statement from the leaf and checks the signatures of
 * the leaf's {@link KeyProof} over it: the log then proves that the member, not only the hub, registered the key.
 *
 * @param log the log's origin, so a statement cannot be replayed on another exchange
 * @param member the member's id
 * @param identity the member's STIX identity id
 * @param jwk the public key registered
 * @param notBefore the start of its validity (RFC 3339)
 * @param notAfter the end of its validity, when it has one
 */
public record KeyStatement(String log, String member, String identity, Jwk jwk, String notBefore,
                           Optional<String> notAfter) {

    /** The statement's type. */
    public static final String TYPE = "trilateral-exchange/key-registration/v1";

    public KeyStatement {
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(jwk, "jwk");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
    }

    /** The statement's members. */
    public ObjectNode toJson() {
        ObjectNode statement = StrictJson.mapper().createObjectNode();
        statement.put("statement", TYPE);
        statement.put("log", log);
        statement.put("member", member);
        statement.put("identity", identity);
        statement.put("kid", jwk.thumbprint());
        statement.set("jwk", jwk.toJson());
        statement.put("not_before", notBefore);
        notAfter.ifPresent(t -> statement.put("not_after", t));
        return statement;
    }

    /** The bytes signed: the statement's RFC 8785 text. */
    public byte[] payload() {
        return JsonCanonicalizer.canonicalize(toJson());
    }
}
