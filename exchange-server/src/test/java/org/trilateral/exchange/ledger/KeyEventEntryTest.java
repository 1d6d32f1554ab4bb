package org.trilateral.exchange.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.trilateral.taxonomy.stix.StixJson;
import tools.jackson.databind.node.ObjectNode;

class KeyEventEntryTest {

    @Test
    void toJsonWhenRegistrationThenEventMemberKidAndJwk() {
        ObjectNode jwk = StixJson.mapper().createObjectNode().put("kty", "OKP").put("crv", "Ed25519").put("x", "abc");
        ObjectNode leaf = new KeyEventEntry(KeyEventEntry.Event.REGISTRATION, "jp-npa", "kid-1", Optional.of(jwk))
                .toJson(4, Instant.parse("2026-03-01T12:00:00Z"));

        assertThat(leaf.get("kind").stringValue()).isEqualTo("key-event");
        assertThat(leaf.get("event").stringValue()).isEqualTo("registration");
        assertThat(leaf.get("member").stringValue()).isEqualTo("jp-npa");
        assertThat(leaf.get("kid").stringValue()).isEqualTo("kid-1");
        assertThat(leaf.get("jwk")).isEqualTo(jwk);
    }

    @Test
    void toJsonWhenRevocationWithoutJwkThenNoJwk() {
        ObjectNode leaf = new KeyEventEntry(KeyEventEntry.Event.REVOCATION, "jp-npa", "kid-1", Optional.empty())
                .toJson(4, Instant.parse("2026-03-01T12:00:00Z"));

        assertThat(leaf.has("jwk")).isFalse();
        assertThat(leaf.get("event").stringValue()).isEqualTo("revocation");
    }

    @Test
    void constructWhenJwkNotAnObjectThenRefused() {
        assertThatThrownBy(() -> new KeyEventEntry(KeyEventEntry.Event.ROTATION, "jp-npa", "kid-1",
                Optional.of(StixJson.mapper().getNodeFactory().textNode("key"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the JWK of key kid-1 must be a JSON object");
    }
}
