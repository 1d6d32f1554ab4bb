package org.trilateral.exchange.bench;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.trilateral.integrity.jws.SigningKey;
import org.trilateral.integrity.log.KeyProof;
import org.trilateral.integrity.log.KeyStatement;
import org.trilateral.taxonomy.extension.ExchangeExtensions;
import org.trilateral.taxonomy.signature.ObjectSigner;
import tools.jackson.databind.JsonNode;

/**
 * The benchmark's publishing members, each a different member as on a real exchange: created through the admin API
 * by us-agency (an admin of the development identity provider), logged in through {@code /dev/token}, and each
 * registering its own Ed25519 key with its proof at {@code /members/me/keys} (docs/integrity.md §7).
 */
final class Publishers {

    private Publishers() {
    }

    /** One publishing member: its token, its identity and the signer of its objects. */
    record Publisher(String member, String identity, String authorization, ObjectSigner signer) {
    }

    static List<Publisher> create(BenchHttp http, String admin, int count) throws Exception {
        String origin = http.getText("/log/checkpoint", admin).lines().findFirst().orElseThrow();
        List<Publisher> publishers = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            String member = String.format(Locale.ROOT, "bench-publisher-%02d", i);
            JsonNode created = http.postJson("/admin/members", admin, "{\"id\":\"" + member + "\",\"name\":\"Benchmark publisher "
                    + i + "\",\"nation\":\"US\",\"sector\":\"technology\",\"roles\":[\"consumer\",\"publisher\"],"
                    + "\"subjects\":[{\"issuer\":\"dev\",\"subject\":\"" + member + "\"}]}", 201);
            String identity = created.get("identity_id").asString();
            String authorization = http.token(member);
            SigningKey key = SigningKey.generate();
            String notBefore = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
            KeyStatement statement = new KeyStatement(origin, member, identity, key.publicKey(), notBefore, Optional.empty());
            http.postJson("/members/me/keys", authorization, "{\"jwk\":" + key.publicKey().toJson() + ",\"not_before\":\""
                    + notBefore + "\",\"proof\":" + KeyProof.byMemberRoot(statement, key, key).toJson() + "}", 201);
            publishers.add(new Publisher(member, identity, authorization,
                    new ObjectSigner(ExchangeExtensions.OBJECT_SIGNATURE_ID, key)));
        }
        return publishers;
    }
}
