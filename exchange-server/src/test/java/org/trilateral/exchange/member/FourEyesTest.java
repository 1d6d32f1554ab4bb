package org.trilateral.exchange.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.trilateral.exchange.support.ExchangeIntegrationTest;
import org.trilateral.exchange.support.TestStix;
import org.trilateral.integrity.jws.SigningKey;
import org.trilateral.taxonomy.vocabulary.Sector;
import tools.jackson.databind.JsonNode;

/**
 * Four-eyes administration (docs/identity.md): changing who can log in as a member, or registering a key for another
 * member, waits for a second admin of another nation; the requester and an admin of its own nation cannot approve;
 * the log names both admins. A member's own key, with its proof, needs nobody.
 */
class FourEyesTest extends ExchangeIntegrationTest {

    private TestMember member;
    private TestMember usAdmin;
    private TestMember jpAdmin;

    @BeforeEach
    void admins() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        member = register("kr-member-" + suffix, Nation.KR, Sector.GOVERNMENT, Role.CONSUMER, Role.PUBLISHER);
        usAdmin = register("us-admin-" + suffix, Nation.US, Sector.GOVERNMENT, Role.ADMIN);
        jpAdmin = register("jp-admin-" + suffix, Nation.JP, Sector.GOVERNMENT, Role.ADMIN);
    }

    @Test
    void subjectsWhenChangedByOneAdminThenPendingUntilAnAdminOfAnotherNationApproves() {
        String newSubject = "stolen-login-" + UUID.randomUUID();
        JsonNode pending = json(client().patch().uri("/admin/members/{id}", member.id())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"subjects\":[{\"issuer\":\"" + ISSUER + "\",\"subject\":\"" + newSubject + "\"}]}")
                .exchange().expectStatus().isAccepted());
        String id = pending.get("id").asString();

        assertThat(pending.get("status").asString()).isEqualTo("pending");
        assertThat(json(usAdmin.client().get().uri("/admin/requests").exchange().expectStatus().isOk()).get("requests")
                .toString()).contains(id);
        clientWithToken(testIssuer().token(newSubject)).get().uri("/members/me").exchange().expectStatus().isUnauthorized();
        // The requester (US) and another US admin cannot approve; a JP admin can.
        client().post().uri("/admin/requests/{id}/approve", id).exchange().expectStatus().isEqualTo(409);
        usAdmin.client().post().uri("/admin/requests/{id}/approve", id).exchange().expectStatus().isEqualTo(409);
        JsonNode approved = json(jpAdmin.client().post().uri("/admin/requests/{id}/approve", id).exchange()
                .expectStatus().isOk());

        assertThat(approved.get("status").asString()).isEqualTo("approved");
        assertThat(json(clientWithToken(testIssuer().token(newSubject)).get().uri("/members/me").exchange()
                .expectStatus().isOk()).get("member").asString()).isEqualTo(member.id());
        long size = json(client().get().uri("/log/proof/consistency?from=0").exchange().expectStatus().isOk())
                .get("to").longValue();
        JsonNode event = json(client().get().uri("/log/leaves/" + (size - 1)).exchange().expectStatus().isOk()).get("leaf");
        assertThat(event.get("kind").asString()).isEqualTo("admin-event");
        assertThat(event.get("actor").asString()).isEqualTo(MEMBER);
        assertThat(event.get("approved_by").asString()).isEqualTo(jpAdmin.id());
        assertThat(event.get("change").get("subjects").toString()).contains(newSubject);
    }

    @Test
    void keyWhenAnAdminRegistersItForAnotherMemberThenPendingAndRejectedLeavesNothing() {
        SigningKey key = SigningKey.generate();
        JsonNode pending = json(client().post().uri("/admin/members/{id}/keys", member.id())
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"jwk\":" + key.publicKey().toJson() + "}")
                .exchange().expectStatus().isAccepted());

        jpAdmin.client().post().uri("/admin/requests/{id}/reject", pending.get("id").asString()).exchange()
                .expectStatus().isOk();

        assertThat(json(client().get().uri("/admin/members/{id}/keys", member.id()).exchange().expectStatus().isOk())
                .get("keys").toString()).doesNotContain(key.kid());
    }

    @Test
    void keyWhenApprovedThenRegisteredAndItsKeyEventNamesBothAdmins() {
        SigningKey key = SigningKey.generate();
        String id = json(client().post().uri("/admin/members/{id}/keys", member.id())
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"jwk\":" + key.publicKey().toJson() + "}")
                .exchange().expectStatus().isAccepted()).get("id").asString();

        jpAdmin.client().post().uri("/admin/requests/{id}/approve", id).exchange().expectStatus().isOk();

        long size = json(client().get().uri("/log/proof/consistency?from=0").exchange().expectStatus().isOk())
                .get("to").longValue();
        JsonNode event = json(client().get().uri("/log/leaves/" + (size - 1)).exchange().expectStatus().isOk()).get("leaf");
        assertThat(event.get("kind").asString()).isEqualTo("key-event");
        assertThat(event.get("kid").asString()).isEqualTo(key.kid());
        assertThat(event.get("actor").asString()).isEqualTo(MEMBER);
        assertThat(event.get("actor_role").asString()).isEqualTo("admin");
        assertThat(event.get("approved_by").asString()).isEqualTo(jpAdmin.id());
        assertThat(event.has("proof")).isFalse();
    }

    @Test
    void ownKeyWhenRegisteredWithoutProofThenRefused() {
        SigningKey key = SigningKey.generate();

        byte[] body = member.client().post().uri("/members/me/keys").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"jwk\":" + key.publicKey().toJson() + "}")
                .exchange().expectStatus().isBadRequest()
                .expectBody().returnResult().getResponseBody();

        assertThat(new String(body, StandardCharsets.UTF_8)).contains("proof").contains("is required");
    }

    private static JsonNode json(WebTestClient.ResponseSpec response) {
        byte[] body = response.expectBody().returnResult().getResponseBody();
        return TestStix.parse(new String(body, StandardCharsets.UTF_8));
    }
}
