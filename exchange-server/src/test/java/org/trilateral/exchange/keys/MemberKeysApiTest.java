package org.trilateral.exchange.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.trilateral.exchange.member.Nation;
import org.trilateral.exchange.member.Role;
import org.trilateral.taxonomy.vocabulary.Sector;
import org.trilateral.exchange.support.ExchangeIntegrationTest;
import org.trilateral.exchange.support.TestStix;
import org.trilateral.integrity.jws.JwsAlgorithm;
import org.trilateral.integrity.jws.SigningKey;
import tools.jackson.databind.JsonNode;

/** The keys admin API, the JWKS document and the key events it logs. */
class MemberKeysApiTest extends ExchangeIntegrationTest {

    private WebTestClient.ResponseSpec postKey(String member, String body) {
        return client().post().uri("/admin/members/{id}/keys", member).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }

    private JsonNode json(WebTestClient.ResponseSpec response) {
        return TestStix.parse(new String(response.expectBody().returnResult().getResponseBody(), StandardCharsets.UTF_8));
    }

    private long logSize() {
        String note = new String(client().get().uri("/log/checkpoint").exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody(), StandardCharsets.UTF_8);
        return Long.parseLong(note.split("\n")[1]);
    }

    private JsonNode leaf(long index) {
        return json(client().get().uri("/log/leaves/{i}", index).exchange().expectStatus().isOk()).get("leaf");
    }

    private JsonNode jwksEntry(String kid) {
        JsonNode jwks = json(client().get().uri("/.well-known/exchange-keys.json").exchange().expectStatus().isOk());
        for (JsonNode key : jwks.get("keys")) {
            if (key.get("kid").stringValue().equals(kid)) {
                return key;
            }
        }
        throw new AssertionError("kid " + kid + " is not in the JWKS document " + jwks);
    }

    @Test
    void registerWhenPublicJwkThenKidIsThumbprintListedAndLoggedAsRegistration() {
        SigningKey key = SigningKey.generate(JwsAlgorithm.ES256);
        long before = logSize();

        JsonNode created = json(postKey(MEMBER, "{\"jwk\":" + key.publicKey().toJson() + ",\"not_after\":\"2099-01-01T00:00:00Z\"}")
                .expectStatus().isCreated()
                .expectHeader().value("Location", l -> assertThat(l).endsWith("/keys/" + key.kid())));

        assertThat(created.get("kid").stringValue()).isEqualTo(key.kid());
        assertThat(created.get("alg").stringValue()).isEqualTo("ES256");
        assertThat(created.get("not_after").stringValue()).isEqualTo("2099-01-01T00:00:00.000000Z");
        List<String> listed = new ArrayList<>();
        json(client().get().uri("/admin/members/{id}/keys", MEMBER).exchange().expectStatus().isOk())
                .get("keys").forEach(k -> listed.add(k.get("kid").stringValue()));
        assertThat(listed).contains(TestStix.MEMBER_KEY.kid(), key.kid());
        JsonNode event = leaf(before);
        assertThat(event.get("kind").stringValue()).isEqualTo("key-event");
        assertThat(event.get("event").stringValue()).isEqualTo("registration");
        assertThat(event.get("member").stringValue()).isEqualTo(MEMBER);
        assertThat(event.get("kid").stringValue()).isEqualTo(key.kid());
        assertThat(event.get("jwk").get("x").stringValue()).isEqualTo(key.publicKey().toJson().get("x").stringValue());
    }

    @Test
    void jwksWhenKeysRotatedAndRevokedThenServesCurrentAndPastKeysWithValidityAndLogsEachEvent() {
        SigningKey old = SigningKey.generate();
        postKey(MEMBER, "{\"jwk\":" + old.publicKey().toJson() + "}").expectStatus().isCreated();
        long before = logSize();

        client().patch().uri("/admin/members/{id}/keys/{kid}", MEMBER, old.kid()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"not_after\":\"2098-06-01T00:00:00Z\"}").exchange().expectStatus().isOk();
        client().post().uri("/admin/members/{id}/keys/{kid}/revoke", MEMBER, old.kid()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"reason\":\"private key copied by a departing contractor\"}").exchange().expectStatus().isOk();

        JsonNode entry = jwksEntry(old.kid());
        assertThat(entry.get("kty").stringValue()).isEqualTo("OKP");
        assertThat(entry.get("crv").stringValue()).isEqualTo("Ed25519");
        assertThat(entry.get("alg").stringValue()).isEqualTo("EdDSA");
        assertThat(entry.get("use").stringValue()).isEqualTo("sig");
        assertThat(entry.get("x-member").stringValue()).isEqualTo(MEMBER);
        assertThat(entry.get("x-identity").stringValue()).isEqualTo(TestStix.MEMBER_IDENTITY);
        assertThat(entry.get("x-not-before").stringValue()).endsWith("Z");
        assertThat(entry.get("x-not-after").stringValue()).isEqualTo("2098-06-01T00:00:00.000000Z");
        assertThat(entry.get("x-revoked-at").stringValue()).endsWith("Z");
        assertThat(entry.get("x-revoked-reason").stringValue()).isEqualTo("private key copied by a departing contractor");
        assertThat(entry.has("d")).isFalse();
        JsonNode current = jwksEntry(TestStix.MEMBER_KEY.kid());
        assertThat(current.get("x-revoked-at").isNull()).isTrue();
        assertThat(current.get("x-not-after").isNull()).isTrue();
        assertThat(leaf(before).get("event").stringValue()).isEqualTo("validity");
        assertThat(leaf(before).get("not_after").stringValue()).isEqualTo("2098-06-01T00:00:00.000000Z");
        assertThat(leaf(before + 1).get("actor_role").stringValue()).isEqualTo("admin");
        assertThat(leaf(before + 1).get("event").stringValue()).isEqualTo("revocation");
        assertThat(leaf(before + 1).get("kid").stringValue()).isEqualTo(old.kid());
    }

    @Test
    void registerWhenKidAlreadyRegisteredEvenRevokedOrByAnotherMemberThen409() {
        SigningKey key = SigningKey.generate();
        postKey(MEMBER, "{\"jwk\":" + key.publicKey().toJson() + "}").expectStatus().isCreated();
        client().post().uri("/admin/members/{id}/keys/{kid}/revoke", MEMBER, key.kid()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"reason\":\"superseded\"}").exchange().expectStatus().isOk();
        register("key-thief", Nation.KR, Sector.OTHER, Role.CONSUMER, Role.PUBLISHER);

        for (String member : List.of(MEMBER, "key-thief")) {
            JsonNode problem = json(postKey(member, "{\"jwk\":" + key.publicKey().toJson() + "}").expectStatus().isEqualTo(409)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON));
            assertThat(problem.get("detail").stringValue()).contains(key.kid()).contains("never reused");
        }
    }

    @Test
    void registerWhenJwkCarriesPrivateKeyThen400NamingJwk() {
        JsonNode problem = json(postKey(MEMBER, "{\"jwk\":" + SigningKey.generate().toPrivateJson() + "}")
                .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON));

        assertThat(problem.get("field").stringValue()).isEqualTo("jwk");
        assertThat(problem.get("detail").stringValue()).contains("\"d\"");
    }

    @Test
    void changeWhenNotAfterBeforeNotBeforeThen400AndWhenUnknownKidThen404() {
        SigningKey key = SigningKey.generate();
        postKey(MEMBER, "{\"jwk\":" + key.publicKey().toJson() + "}").expectStatus().isCreated();

        client().patch().uri("/admin/members/{id}/keys/{kid}", MEMBER, key.kid()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"not_after\":\"2001-01-01T00:00:00Z\"}").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("not_after");
        client().patch().uri("/admin/members/{id}/keys/{kid}", MEMBER, "no-such-kid").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"not_after\":\"2099-01-01T00:00:00Z\"}").exchange().expectStatus().isNotFound();
    }

    @Test
    void registerWhenCallerIsNoAdminThen403() {
        TestMember plain = register("no-key-admin", Nation.US, Sector.OTHER, Role.CONSUMER, Role.PUBLISHER);

        plain.client().post().uri("/admin/members/{id}/keys", plain.id()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"jwk\":" + SigningKey.generate().publicKey().toJson() + "}").exchange()
                .expectStatus().isForbidden();
    }
}
