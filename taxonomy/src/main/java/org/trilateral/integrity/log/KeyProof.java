package org.trilateral.integrity.log;

import java.util.Objects;
import java.util.Optional;
import org.trilateral.integrity.jcs.StrictJson;
import org.trilateral.integrity.jws.DetachedJws;
import org.trilateral.integrity.jws.Jwk;
import org.trilateral.integrity.jws.SigningKey;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The member's evidence for a key registration, carried in the key-event leaf: {@code {"pop","authorization"}}.
 * {@code pop} is a detached JWS over the {@link KeyStatement} by the registered key itself (possession: nobody
 * registers a key it does not hold). {@code authorization} says why the key is the member's:
 * <ul>
 *   <li>{@code {"type":"previous-key","kid","signature"}}: signed by a key of the member already in the log
 *       (rotation);</li>
 *   <li>{@code {"type":"member-root","jwk","signature"}}: signed by the member's root key, which verifiers pin out of
 *       band (a member's first key);</li>
 *   <li>{@code {"type":"identity-provider","issuer","token"}}: a JWT from the member's national identity provider
 *       naming the member and binding the key by its thumbprint in {@code cnf.jkt} (RFC 7800, RFC 9449), checked
 *       against the issuer's published keys.</li>
 * </ul>
 *
 * @param pop the registered key's signature over the statement
 * @param authorization what makes the key the member's, as written in the leaf
 */
public record KeyProof(String pop, ObjectNode authorization) {

    /** Authorisation by a previous key of the member. */
    public static final String PREVIOUS_KEY = "previous-key";
    /** Authorisation by the member's pinned root key. */
    public static final String MEMBER_ROOT = "member-root";
    /** Authorisation by the member's identity provider. */
    public static final String IDENTITY_PROVIDER = "identity-provider";

    public KeyProof {
        Objects.requireNonNull(pop, "pop");
        Objects.requireNonNull(authorization, "authorization");
        String type = authorization.path("type").asString("");
        if (!type.equals(PREVIOUS_KEY) && !type.equals(MEMBER_ROOT) && !type.equals(IDENTITY_PROVIDER)) {
            throw new LeafFormatException("the key proof's authorization type \"" + type + "\" is not previous-key,"
                    + " member-root or identity-provider");
        }
        authorization = authorization.deepCopy();
    }

    /** A rotation: the new key proves possession, a current key of the member authorises it. */
    public static KeyProof byPreviousKey(KeyStatement statement, SigningKey newKey, SigningKey previousKey) {
        ObjectNode authorization = StrictJson.mapper().createObjectNode();
        authorization.put("type", PREVIOUS_KEY);
        authorization.put("kid", previousKey.kid());
        authorization.put("signature", DetachedJws.signCompact(previousKey, statement.payload()));
        return new KeyProof(DetachedJws.signCompact(newKey, statement.payload()), authorization);
    }

    /** A first key: the new key proves possession, the member's root key authorises it. */
    public static KeyProof byMemberRoot(KeyStatement statement, SigningKey newKey, SigningKey root) {
        ObjectNode authorization = StrictJson.mapper().createObjectNode();
        authorization.put("type", MEMBER_ROOT);
        authorization.set("jwk", root.publicKey().toJson());
        authorization.put("signature", DetachedJws.signCompact(root, statement.payload()));
        return new KeyProof(DetachedJws.signCompact(newKey, statement.payload()), authorization);
    }

    /** A first key: the new key proves possession, the identity provider's token binds it to the member. */
    public static KeyProof byIdentityProvider(KeyStatement statement, SigningKey newKey, String issuer, String token) {
        ObjectNode authorization = StrictJson.mapper().createObjectNode();
        authorization.put("type", IDENTITY_PROVIDER);
        authorization.put("issuer", issuer);
        authorization.put("token", token);
        return new KeyProof(DetachedJws.signCompact(newKey, statement.payload()), authorization);
    }

    /** The authorisation's type. */
    public String type() {
        return authorization.path("type").asString();
    }

    @Override
    public ObjectNode authorization() {
        return authorization.deepCopy();
    }

    /** Why the registered key's own signature over {@code statement} fails, or empty when it verifies. */
    public Optional<String> possessionProblem(KeyStatement statement) {
        return DetachedJws.verifyCompact(pop, statement.payload(), statement.jwk()).map(p -> "the proof of possession " + p);
    }

    /**
     * Why the signature of a previous key or member root over {@code statement} fails with {@code key}, or empty
     * when it verifies (for those two types only).
     */
    public Optional<String> authorizationProblem(KeyStatement statement, Jwk key) {
        String signature = authorization.path("signature").asString("");
        return DetachedJws.verifyCompact(signature, statement.payload(), key).map(p -> "the " + type() + " signature " + p);
    }

    /** The proof's members. */
    public ObjectNode toJson() {
        ObjectNode proof = StrictJson.mapper().createObjectNode();
        proof.put("pop", pop);
        proof.set("authorization", authorization.deepCopy());
        return proof;
    }

    public static KeyProof parse(JsonNode proof) {
        JsonNode authorization = Json.object(proof, "authorization");
        return new KeyProof(Json.text(proof, "pop"), (ObjectNode) authorization);
    }
}
