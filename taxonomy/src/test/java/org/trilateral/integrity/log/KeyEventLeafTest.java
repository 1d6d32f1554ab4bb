package org.trilateral.integrity.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.trilateral.integrity.jcs.StrictJson;
import org.trilateral.integrity.jws.JwsAlgorithm;
import org.trilateral.integrity.jws.SigningKey;

class KeyEventLeafTest {

    private static final String LOG = "exchange.trilateral.example/log";
    private static final String IDENTITY = "identity--3bf78504-2b5b-4638-99fe-c8b63f51d960";

    private static KeyStatement statement(SigningKey key) {
        return new KeyStatement(LOG, "jp-agency", IDENTITY, key.publicKey(), "2026-11-30T00:00:00Z", Optional.empty());
    }

    private static KeyEventLeaf registration(SigningKey key, KeyProof proof) {
        return new KeyEventLeaf(KeyEventLeaf.Event.REGISTRATION, "jp-agency", IDENTITY, key.kid(),
                Optional.of(key.publicKey()), Optional.of("2026-11-30T00:00:00Z"), Optional.empty(), Optional.empty(),
                Optional.of(proof), "jp-agency", "member", Optional.empty(), "2026-11-30T00:00:01.000000Z");
    }

    @Test
    void parseWhenRegistrationWithRootProofThenSameLeafAndProofVerifies() {
        SigningKey root = SigningKey.generate();
        SigningKey key = SigningKey.generate(JwsAlgorithm.ES256);
        KeyEventLeaf leaf = registration(key, KeyProof.byMemberRoot(statement(key), key, root));

        KeyEventLeaf served = (KeyEventLeaf) LogLeaf.parse(StrictJson.mapper().readTree(leaf.text()));

        assertThat(served).isEqualTo(leaf);
        KeyStatement rebuilt = served.statement(LOG).orElseThrow();
        assertThat(served.proof().orElseThrow().possessionProblem(rebuilt)).isEmpty();
        assertThat(served.proof().orElseThrow().authorizationProblem(rebuilt, root.publicKey())).isEmpty();
    }

    @Test
    void authorizationProblemWhenStatementOfAnotherLogThenNamed() {
        SigningKey previous = SigningKey.generate();
        SigningKey key = SigningKey.generate();
        KeyProof proof = KeyProof.byPreviousKey(statement(key), key, previous);
        KeyStatement elsewhere = new KeyStatement("other.example/log", "jp-agency", IDENTITY, key.publicKey(),
                "2026-11-30T00:00:00Z", Optional.empty());

        assertThat(proof.authorizationProblem(elsewhere, previous.publicKey())).hasValueSatisfying(
                problem -> assertThat(problem).contains("previous-key signature does not verify"));
        assertThat(proof.possessionProblem(elsewhere)).isPresent();
    }

    @Test
    void authorizationProblemWhenSignedByAnotherKeyThenNamed() {
        SigningKey key = SigningKey.generate();
        KeyProof proof = KeyProof.byPreviousKey(statement(key), key, SigningKey.generate());

        assertThat(proof.authorizationProblem(statement(key), SigningKey.generate().publicKey()))
                .hasValueSatisfying(problem -> assertThat(problem).contains("names kid"));
    }

    @Test
    void constructWhenKidIsNotTheThumbprintThenRefused() {
        SigningKey key = SigningKey.generate();

        assertThatThrownBy(() -> new KeyEventLeaf(KeyEventLeaf.Event.REGISTRATION, "jp-agency", IDENTITY, "other",
                Optional.of(key.publicKey()), Optional.of("2026-11-30T00:00:00Z"), Optional.empty(), Optional.empty(),
                Optional.empty(), "us-agency", "admin", Optional.empty(), "2026-11-30T00:00:01Z"))
                .isInstanceOf(LeafFormatException.class).hasMessageContaining("thumbprint");
    }

    @Test
    void parseWhenAdminEventThenSameLeaf() {
        tools.jackson.databind.node.ObjectNode change = StrictJson.mapper().createObjectNode();
        change.putArray("subjects").addObject().put("issuer", "jp").put("subject", "exchange-npa");
        AdminEventLeaf leaf = new AdminEventLeaf("member-changed", "us-agency", Optional.of("kr-agency"),
                Optional.of("jp-agency"), change, "2026-11-30T00:00:01Z");

        assertThat(LogLeaf.parse(StrictJson.mapper().readTree(leaf.text()))).isEqualTo(leaf);
    }

    @Test
    void parseWhenVersionOneObjectLeafThenLegacyConcerningAnObject() {
        String v1 = "{\"accepted\":\"2026-11-01T00:00:00.000000Z\",\"collection\":\"c\",\"id\":\"indicator--x\","
                + "\"kind\":\"object-version\",\"log_index\":3,\"modified\":\"2026-11-01T00:00:00.000Z\","
                + "\"object_sha256\":\"" + "c".repeat(64) + "\"}";

        LogLeaf leaf = LogLeaf.parse(StrictJson.mapper().readTree(v1));

        assertThat(leaf).isInstanceOfSatisfying(LegacyLeaf.class, legacy -> {
            assertThat(legacy.concernsAnObject()).isTrue();
            assertThat(legacy.logIndex()).isEqualTo(3);
            assertThat(legacy.text()).isEqualTo(v1);
        });
    }

    @Test
    void parseWhenUnknownKindThenRefused() {
        assertThatThrownBy(() -> LogLeaf.parse(StrictJson.mapper().readTree("{\"v\":2,\"kind\":\"other\"}")))
                .isInstanceOf(LeafFormatException.class).hasMessageContaining("\"other\"");
    }
}
