package org.trilateral.exchange.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.trilateral.exchange.member.Nation;
import org.trilateral.exchange.member.Role;
import org.trilateral.exchange.support.ExchangeIntegrationTest;
import org.trilateral.exchange.support.TestStix;
import org.trilateral.exchange.taxii.Taxii;
import org.trilateral.exchange.taxii.TaxiiMediaTypes;
import org.trilateral.integrity.jcs.JsonCanonicalizer;
import org.trilateral.integrity.log.AudienceKeyRing;
import org.trilateral.integrity.log.LeafOpening;
import org.trilateral.integrity.log.ObjectVersionRecord;
import org.trilateral.integrity.log.SealedLeaf;
import org.trilateral.taxonomy.vocabulary.Sector;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The log tells a member who may not read an object nothing about it (issue: confidentiality by design). Three real
 * members against the running exchange: a publisher, the TLP:RED recipient it names, and an outsider. Every answer
 * the outsider gets about the RED object is compared byte for byte with its answer about an object that does not
 * exist (where an answer echoes the requested id or digest, the one asked for is put in place of the other's).
 */
class LogConfidentialityTest extends ExchangeIntegrationTest {

    private TestMember publisher;
    private TestMember recipient;
    private TestMember outsider;
    private ObjectNode red;
    private String sha;
    private long index;

    @BeforeEach
    void publishOneRedObject() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        publisher = register("kr-pub-" + suffix, Nation.KR, Sector.GOVERNMENT, Role.CONSUMER, Role.PUBLISHER);
        recipient = register("jp-rcp-" + suffix, Nation.JP, Sector.GOVERNMENT, Role.CONSUMER, Role.PUBLISHER);
        outsider = register("us-out-" + suffix, Nation.US, Sector.GOVERNMENT, Role.CONSUMER, Role.PUBLISHER);
        red = TestStix.redFor(publisher.identityId(), recipient.identityId());
        JsonNode status = publisher.taxii().publish(Taxii.INDICATORS, TestStix.envelope(red));
        assertThat(status.get("success_count").intValue()).as(status.toString()).isEqualTo(1);
        red = (ObjectNode) publisher.taxii().getJson(Taxii.INDICATORS + "objects/" + red.get("id").stringValue() + "/")
                .get("objects").get(0);
        sha = HexFormat.of().formatHex(sha256(JsonCanonicalizer.canonicalize(red)));
        index = status.get("successes").get(0).get("log_index").longValue();
    }

    @Test
    void leafWhenReadByAnyoneThenACommitmentThatNamesNothing() {
        String leaf = text(outsider.client(), "/log/leaves/" + index).body();

        assertThat(leaf).doesNotContain(red.get("id").stringValue(), sha, publisher.id(), publisher.key().kid(),
                publisher.identityId(), recipient.id(), "indicator", "red");
        assertThat(text(recipient.client(), "/log/leaves/" + index)).isEqualTo(text(outsider.client(), "/log/leaves/" + index));
    }

    @Test
    void openingByIndexWhenOutsiderThenAnsweredAsForALeafThatDoesNotExist() {
        Answer forRed = text(outsider.client(), "/log/openings/" + index);
        Answer forNothing = text(outsider.client(), "/log/openings/" + (index + 1_000_000))
                .replace("/log/openings/" + (index + 1_000_000), "/log/openings/" + index);

        assertThat(forRed.status()).isEqualTo(404);
        assertThat(forRed).isEqualTo(forNothing);
        LeafOpening opening = LeafOpening.parse(TestStix.parse(text(recipient.client(), "/log/openings/" + index).body()));
        assertThat(((ObjectVersionRecord) opening.openedEntry()).id()).isEqualTo(red.get("id").stringValue());
    }

    @Test
    void openingsByObjectWhenOutsiderThenAnsweredAsForAnObjectThatDoesNotExist() {
        String ghost = "indicator--" + UUID.randomUUID();
        Answer forRed = post(outsider.client(), red.get("id").stringValue(), sha);
        Answer forNothing = post(outsider.client(), ghost, "0".repeat(64));

        assertThat(forRed).isEqualTo(forNothing);
        assertThat(TestStix.parse(post(recipient.client(), red.get("id").stringValue(), sha).body()).get("openings"))
                .hasSize(1);
        assertThat(TestStix.parse(post(publisher.client(), red.get("id").stringValue(), sha).body()).get("openings"))
                .hasSize(1);
    }

    @Test
    void openingsInARangeWhenOutsiderThenTheRedLeafIsAbsent() {
        String range = "/log/openings?from=" + index + "&to=" + (index + 1);

        assertThat(TestStix.parse(text(outsider.client(), range).body()).get("openings")).isEmpty();
        assertThat(TestStix.parse(text(recipient.client(), range).body()).get("openings")).hasSize(1);
    }

    @Test
    void inclusionByIdWhenOutsiderThenAnsweredAsForAVersionThatDoesNotExist() {
        String id = red.get("id").stringValue();
        String ghost = "indicator--" + UUID.randomUUID();
        String modified = red.get("modified").stringValue();

        Answer forRed = text(outsider.client(), "/log/proof/inclusion?id=" + id + "&modified=" + modified);
        Answer forNothing = text(outsider.client(), "/log/proof/inclusion?id=" + ghost + "&modified=" + modified)
                .replace(ghost, id);

        assertThat(forRed.status()).isEqualTo(404);
        assertThat(forRed).isEqualTo(forNothing);
        assertThat(text(recipient.client(), "/log/proof/inclusion?id=" + id + "&modified=" + modified).status())
                .isEqualTo(200);
    }

    @Test
    void taxiiReadsWhenOutsiderThenAnsweredAsForAnObjectThatDoesNotExist() {
        String id = red.get("id").stringValue();
        String ghost = "indicator--" + UUID.randomUUID();
        for (String path : List.of("objects/%s/", "objects/%s/versions/")) {
            Answer forRed = taxiiGet(outsider.client(), Taxii.INDICATORS + path.formatted(id));
            Answer forNothing = taxiiGet(outsider.client(), Taxii.INDICATORS + path.formatted(ghost)).replace(ghost, id);

            assertThat(forRed).as(path).isEqualTo(forNothing);
            assertThat(taxiiGet(recipient.client(), Taxii.INDICATORS + path.formatted(id)).status()).isEqualTo(200);
        }
    }

    @Test
    void audienceTagsWhenCheckedThenOnlyTheReadersRecogniseTheLeaf() {
        SealedLeaf leaf = SealedLeaf.parse(TestStix.parse(text(outsider.client(), "/log/leaves/" + index).body()).get("leaf"));

        assertThat(ring(recipient.client()).addressedTo(leaf)).isTrue();
        assertThat(ring(publisher.client()).addressedTo(leaf)).isTrue();
        assertThat(ring(outsider.client()).addressedTo(leaf)).isFalse();
        assertThat(leaf.tags()).hasSizeGreaterThanOrEqualTo(4);
    }

    private AudienceKeyRing ring(WebTestClient client) {
        return AudienceKeyRing.parse(TestStix.parse(text(client, "/log/audience-keys").body()));
    }

    /** Status, content type and body of an answer. */
    private record Answer(int status, String contentType, String body) {

        Answer replace(String from, String to) {
            return new Answer(status, contentType, body.replace(from, to));
        }
    }

    private static Answer text(WebTestClient client, String path) {
        return answer(client.get().uri(path).exchange().expectBody().returnResult());
    }

    private static Answer taxiiGet(WebTestClient client, String path) {
        return answer(client.get().uri(path).header("Accept", TaxiiMediaTypes.TAXII_VALUE).exchange().expectBody()
                .returnResult());
    }

    private static Answer post(WebTestClient client, String id, String sha256) {
        String body = "{\"objects\":[{\"id\":\"" + id + "\",\"object_sha256\":\"" + sha256 + "\"}]}";
        return answer(client.post().uri("/log/openings").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectBody().returnResult());
    }

    private static Answer answer(EntityExchangeResult<byte[]> result) {
        byte[] body = result.getResponseBody();
        return new Answer(result.getStatus().value(), String.valueOf(result.getResponseHeaders().getContentType()),
                body == null ? "" : new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
