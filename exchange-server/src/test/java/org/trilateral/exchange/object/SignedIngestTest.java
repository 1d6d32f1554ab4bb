package org.trilateral.exchange.object;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.trilateral.exchange.member.Nation;
import org.trilateral.exchange.member.Role;
import org.trilateral.taxonomy.vocabulary.Sector;
import org.trilateral.exchange.support.ExchangeIntegrationTest;
import org.trilateral.exchange.support.OwnKeys;
import org.trilateral.exchange.support.TestStix;
import org.trilateral.exchange.taxii.Taxii;
import org.trilateral.integrity.jws.SigningKey;
import org.trilateral.taxonomy.extension.ExchangeExtensions;
import org.trilateral.taxonomy.stix.StixTimestamp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Ingest accepts an object only with a signature that verifies with a valid key of the publishing member, and
 * refuses each other object on its own with the reason (docs/integrity.md §7).
 */
class SignedIngestTest extends ExchangeIntegrationTest {

    /** POSTs exactly {@code objects} (no signing by the test client) and answers the one status detail. */
    private JsonNode postOne(TestMember member, ObjectNode object) {
        byte[] body = member.taxii().post(Taxii.INDICATORS + "objects/", TestStix.envelope(object)).expectStatus().isAccepted()
                .expectBody().returnResult().getResponseBody();
        JsonNode status = TestStix.parse(new String(body, StandardCharsets.UTF_8));
        assertThat(status.get("total_count").asInt()).isEqualTo(1);
        return status;
    }

    private static String failure(JsonNode status) {
        assertThat(status.get("failures")).as("failures of %s", status).hasSize(1);
        return status.get("failures").get(0).get("message").stringValue();
    }

    private static void assertAccepted(JsonNode status) {
        assertThat(status.get("failures")).as("failures of %s", status).isEmpty();
        assertThat(status.get("success_count").asInt()).isEqualTo(1);
    }

    private static ObjectNode indicatorOf(TestMember member) {
        ObjectNode indicator = TestStix.indicator();
        indicator.put("created_by_ref", member.identityId());
        return indicator;
    }

    private void changeNotAfter(String member, String kid, Instant notAfter) {
        client().patch().uri("/admin/members/{id}/keys/{kid}", member, kid).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"not_after\":\"" + StixTimestamp.formatMicros(notAfter) + "\"}")
                .exchange().expectStatus().isOk();
    }

    private void revoke(String member, String kid, String reason) {
        client().post().uri("/admin/members/{id}/keys/{kid}/revoke", member, kid).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"reason\":\"" + reason + "\"}").exchange().expectStatus().isOk();
    }

    @Test
    void publishWhenSignedByPublishersKeyThenAcceptedAndLeafNamesTheVerifiedKid() {
        TestMember member = register("signer", Nation.JP, Sector.GOVERNMENT, Role.CONSUMER, Role.PUBLISHER);
        ObjectNode indicator = indicatorOf(member);
        // A first signature by an unknown key does not count; the member's own one does, and the leaf names it.
        TestStix.sign(indicator, SigningKey.generate());
        TestStix.sign(indicator, member.key());

        JsonNode status = postOne(member, indicator);

        assertAccepted(status);
        long index = status.get("successes").get(0).get("log_index").longValue();
        // The leaf is sealed; its opening, which the publisher may read, names the kid that verified.
        JsonNode opening = TestStix.parse(new String(member.client().get().uri("/log/openings/{i}", index).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody(), StandardCharsets.UTF_8));
        assertThat(opening.get("entry").get("kid").stringValue()).isEqualTo(member.key().kid());
    }

    @Test
    void publishWhenUnsignedThenRefused() {
        TestMember member = register("unsigned", Nation.KR, Sector.GOVERNMENT, Role.CONSUMER, Role.PUBLISHER);

        assertThat(failure(postOne(member, indicatorOf(member)))).startsWith("no signature")
                .contains(ExchangeExtensions.OBJECT_SIGNATURE_ID);
    }

    @Test
    void publishWhenKidUnknownThenRefusedNamingTheKid() {
        TestMember member = register("stranger-key", Nation.KR, Sector.GOVERNMENT, Role.CONSUMER, Role.PUBLISHER);
        SigningKey unregistered = SigningKey.generate();

        assertThat(failure(postOne(member, TestStix.sign(indicatorOf(member), unregistered))))
                .contains("unknown kid " + unregistered.kid()).contains("no member registered it");
    }

    @Test
    void publishWhenSignedWithAnotherMembersKeyThenRefusedNamingThatMember() {
        TestMember victim = register("victim", Nation.US, Sector.GOVERNMENT, Role.CONSUMER, Role.PUBLISHER);
        TestMember forger = register("forger", Nation.US, Sector.OTHER, Role.CONSUMER, Role.PUBLISHER);

        assertThat(failure(postOne(forger, TestStix.sign(indicatorOf(forger), victim.key()))))
                .contains("kid " + victim.key().kid()).contains("a key of member 'victim'")
                .contains("not of the publishing member 'forger'");
    }

    @Test
    void publishWhenKeyRevokedThenRefusedWithTheReason() {
        TestMember member = register("revoker", Nation.JP, Sector.GOVERNMENT, Role.CONSUMER, Role.PUBLISHER);
        revoke(member.id(), member.key().kid(), "laptop seized at a laptop farm");

        assertThat(failure(postOne(member, TestStix.sign(indicatorOf(member), member.key()))))
                .contains("key " + member.key().kid() + " was revoked").contains("laptop seized at a laptop farm");
    }

    @Test
    void publishWhenKeyExpiredOrNotYetValidThenRefused() {
        TestMember member = register("validity", Nation.JP, Sector.GOVERNMENT, Role.CONSUMER, Role.PUBLISHER);
        SigningKey expired = SigningKey.generate();
        SigningKey future = SigningKey.generate();
        OwnKeys.register(member.client(), member.id(), member.identityId(), expired, "2020-01-01T00:00:00Z",
                java.util.Optional.of("2021-01-01T00:00:00Z"));
        OwnKeys.register(member.client(), member.id(), member.identityId(), future, "2099-01-01T00:00:00Z",
                java.util.Optional.empty());

        assertThat(failure(postOne(member, TestStix.sign(indicatorOf(member), expired))))
                .contains("key " + expired.kid() + " expired at 2021-01-01T00:00:00");
        assertThat(failure(postOne(member, TestStix.sign(indicatorOf(member), future))))
                .contains("key " + future.kid() + " is not valid before 2099-01-01T00:00:00");
    }

    /** The old key's refusal from its not_after on is {@code IngestPolicyTest}'s, at a fixed clock: nothing sleeps. */
    @Test
    void publishWhenRotatedThenOldAndNewKeysBothValidDuringOverlap() {
        TestMember member = register("rotator", Nation.KR, Sector.GOVERNMENT, Role.CONSUMER, Role.PUBLISHER);
        SigningKey next = SigningKey.generate();
        registerKey(member.id(), next);
        changeNotAfter(member.id(), member.key().kid(), Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MICROS));

        assertAccepted(postOne(member, TestStix.sign(indicatorOf(member), member.key())));
        assertAccepted(postOne(member, TestStix.sign(indicatorOf(member), next)));
    }

    @Test
    void publishWhenAnyByteOfASignedObjectTamperedThenRefusedAsNotVerifying() {
        TestMember member = register("tampered", Nation.US, Sector.GOVERNMENT, Role.CONSUMER, Role.PUBLISHER);
        ObjectNode signed = TestStix.sign(indicatorOf(member), member.key());
        String[][] changes = {
                {"name", "Laptop farm exit addresS"},
                {"pattern", "[ipv4-addr:value = '203.0.113.8']"},
                {"valid_from", "2026-01-01T00:00:00.001Z"},
                {"modified", "2026-01-01T00:00:00.001Z"},
                {"id", signed.get("id").stringValue().substring(0, signed.get("id").stringValue().length() - 1)
                        + (signed.get("id").stringValue().endsWith("0") ? "1" : "0")},
        };
        for (String[] change : changes) {
            ObjectNode tampered = signed.deepCopy();
            tampered.put(change[0], change[1]);
            assertThat(failure(postOne(member, tampered))).as("tampered %s", change[0])
                    .contains("does not verify").contains(member.key().kid());
        }
        ObjectNode added = signed.deepCopy();
        added.putArray("labels").add("unsigned addition");
        assertThat(failure(postOne(member, added))).contains("does not verify");

        ObjectNode badSignature = signed.deepCopy();
        ObjectNode jws = (ObjectNode) badSignature.get("extensions").get(ExchangeExtensions.OBJECT_SIGNATURE_ID)
                .get("signatures").get(0);
        String signature = jws.get("signature").stringValue();
        jws.put("signature", (signature.charAt(0) == 'A' ? "B" : "A") + signature.substring(1));
        assertThat(failure(postOne(member, badSignature))).contains("does not verify");
    }

    @Test
    void publishWhenSignatureMovedToAnotherObjectThenRefused() {
        TestMember member = register("mover-sig", Nation.JP, Sector.GOVERNMENT, Role.CONSUMER, Role.PUBLISHER);
        ObjectNode signed = TestStix.sign(indicatorOf(member), member.key());
        ObjectNode other = indicatorOf(member);
        other.set("extensions", signed.get("extensions").deepCopy());

        assertThat(failure(postOne(member, other))).contains("does not verify");
    }

    @Test
    void publishWhenOldVersionReplayedThenSameVersionChangesNothingAndANewSignatureByARevokedKeyIsRefused() {
        TestMember member = register("replayer", Nation.KR, Sector.GOVERNMENT, Role.CONSUMER, Role.PUBLISHER);
        ObjectNode v1 = indicatorOf(member);
        String id = v1.get("id").stringValue();
        ObjectNode v2 = v1.deepCopy();
        v2.put("modified", "2026-02-01T00:00:00.000Z");
        TestStix.sign(v1, member.key());
        TestStix.sign(v2, member.key());
        assertAccepted(postOne(member, v1));
        assertAccepted(postOne(member, v2));

        JsonNode replay = postOne(member, v1);
        assertAccepted(replay);
        assertThat(replay.get("successes").get(0).get("message").stringValue()).contains("already stored");

        SigningKey next = SigningKey.generate();
        registerKey(member.id(), next);
        revoke(member.id(), member.key().kid(), "rotated out after compromise");
        ObjectNode resigned = v1.deepCopy();
        resigned.remove("extensions");
        TestStix.sign(resigned, member.key());
        assertThat(failure(postOne(member, resigned))).contains("was revoked").contains("rotated out after compromise");
        JsonNode versions = member.taxii().getJson(Taxii.INDICATORS + "objects/" + id + "/versions/");
        assertThat(versions.get("versions")).hasSize(2);
    }

    @Test
    void publishWhenObjectNotCanonicalizableThenRefusedAsCanonicalisationFailure() {
        TestMember member = register("numbers", Nation.US, Sector.GOVERNMENT, Role.CONSUMER, Role.PUBLISHER);
        ObjectNode signed = TestStix.sign(indicatorOf(member), member.key());
        // 2^53 + 1 is outside I-JSON (RFC 7493 §2.2): it has no RFC 8785 form, so no signature can cover it.
        String json = signed.toString().replace("\"name\":", "\"x_count\":9007199254740993,\"name\":");

        byte[] body = member.taxii().post(Taxii.INDICATORS + "objects/", "{\"objects\":[" + json + "]}")
                .expectStatus().isAccepted().expectBody().returnResult().getResponseBody();

        assertThat(failure(TestStix.parse(new String(body, StandardCharsets.UTF_8)))).contains("canonicalisation failure");
    }
}
