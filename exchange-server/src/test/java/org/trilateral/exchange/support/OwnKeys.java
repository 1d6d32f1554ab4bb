package org.trilateral.exchange.support;

import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.trilateral.integrity.jws.SigningKey;
import org.trilateral.integrity.log.KeyProof;
import org.trilateral.integrity.log.KeyStatement;

/**
 * A member registering its own key, as the SDK does (docs/integrity.md §7): {@code POST /members/me/keys} through
 * its own token, with the key statement signed by the key, which is its own root.
 */
public final class OwnKeys {

    /** The origin of the test exchange's log: the {@code log} of key statements. */
    public static final String ORIGIN = "trilateral-exchange.example/log";

    private OwnKeys() {
    }

    /** The registration request body of {@code key} for {@code member} with identity {@code identity}. */
    public static String body(String member, String identity, SigningKey key, String notBefore, Optional<String> notAfter) {
        KeyStatement statement = new KeyStatement(ORIGIN, member, identity, key.publicKey(), notBefore, notAfter);
        KeyProof proof = KeyProof.byMemberRoot(statement, key, key);
        return "{\"jwk\":" + key.publicKey().toJson() + ",\"not_before\":\"" + notBefore + "\""
                + notAfter.map(t -> ",\"not_after\":\"" + t + "\"").orElse("") + ",\"proof\":" + proof.toJson() + "}";
    }

    /** Registers {@code key} through {@code member}'s own client, valid from {@code notBefore} until {@code notAfter}. */
    public static void register(WebTestClient memberClient, String member, String identity, SigningKey key,
                                String notBefore, Optional<String> notAfter) {
        memberClient.post().uri("/members/me/keys").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body(member, identity, key, notBefore, notAfter))
                .exchange().expectStatus().isCreated();
    }
}
