package org.trilateral.exchange.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;
import org.trilateral.exchange.member.Nation;
import org.trilateral.exchange.member.Role;
import org.trilateral.taxonomy.vocabulary.Sector;
import org.trilateral.exchange.support.ExchangeIntegrationTest;
import org.trilateral.exchange.support.TestStix;
import org.trilateral.exchange.taxii.Taxii;
import org.trilateral.taxonomy.marking.Tlp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every cell of the table in docs/access-rules.md, on every read path (objects, object, versions, manifest): one
 * publisher (US government) publishes one object per row, and each reader sees exactly the objects its cells allow.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessRulesTest extends ExchangeIntegrationTest {

    /** The readers: the table's columns. */
    enum Reader {
        PUBLISHER("us-gov-publisher", Nation.US, Sector.GOVERNMENT),
        US_GOV("us-gov", Nation.US, Sector.GOVERNMENT),
        JP_GOV("jp-gov", Nation.JP, Sector.GOVERNMENT),
        KR_GOV("kr-gov", Nation.KR, Sector.GOVERNMENT),
        OTHER_GOV("other-gov", Nation.OTHER, Sector.GOVERNMENT),
        JP_CRYPTO("jp-crypto", Nation.JP, Sector.CRYPTOCURRENCY_BUSINESS),
        US_FREELANCE("us-freelance", Nation.US, Sector.FREELANCE_PLATFORM),
        KR_PAYMENT("kr-payment", Nation.KR, Sector.PAYMENT_PROVIDER);

        final String id;
        final Nation nation;
        final Sector sector;

        Reader(String id, Nation nation, Sector sector) {
            this.id = id;
            this.nation = nation;
            this.sector = sector;
        }
    }

    /** The rows: an object's markings (and RED recipients), and who reads it. */
    enum Row {
        UNMARKED(List.of(), List.of(), all()),
        CLEAR(List.of(Tlp.CLEAR.id()), List.of(), all()),
        GREEN(List.of(Tlp.GREEN.id()), List.of(), all()),
        AMBER(List.of(Tlp.AMBER.id()), List.of(), all()),
        AMBER_STRICT(List.of(Tlp.AMBER_STRICT.id()), List.of(), all()),
        RED_NO_RECIPIENTS(List.of(Tlp.RED.id()), List.of(), EnumSet.of(Reader.PUBLISHER)),
        RED_TO_JP_GOV_AND_JP_CRYPTO(List.of(Tlp.RED.id()), List.of(Reader.JP_GOV, Reader.JP_CRYPTO),
                EnumSet.of(Reader.PUBLISHER, Reader.JP_GOV, Reader.JP_CRYPTO)),
        TRILATERAL_GOVERNMENT(List.of(SharingGroup.TRILATERAL_GOVERNMENT.id()), List.of(),
                EnumSet.of(Reader.PUBLISHER, Reader.US_GOV, Reader.JP_GOV, Reader.KR_GOV)),
        SECTOR_GOVERNMENT(List.of(SharingGroup.SECTOR_GOVERNMENT.id()), List.of(),
                EnumSet.of(Reader.PUBLISHER, Reader.US_GOV, Reader.JP_GOV, Reader.KR_GOV, Reader.OTHER_GOV)),
        SECTOR_CRYPTO(List.of(SharingGroup.SECTOR_CRYPTOCURRENCY_BUSINESS.id()), List.of(),
                EnumSet.of(Reader.PUBLISHER, Reader.JP_CRYPTO)),
        TRILATERAL_GOVERNMENT_AND_SECTOR_CRYPTO(
                List.of(SharingGroup.TRILATERAL_GOVERNMENT.id(), SharingGroup.SECTOR_CRYPTOCURRENCY_BUSINESS.id()), List.of(),
                EnumSet.of(Reader.PUBLISHER)),
        RED_TO_JP_GOV_AND_JP_CRYPTO_IN_TRILATERAL_GOVERNMENT(List.of(Tlp.RED.id(), SharingGroup.TRILATERAL_GOVERNMENT.id()),
                List.of(Reader.JP_GOV, Reader.JP_CRYPTO), EnumSet.of(Reader.PUBLISHER, Reader.JP_GOV)),
        AMBER_IN_SECTOR_PAYMENT(List.of(Tlp.AMBER.id(), SharingGroup.SECTOR_PAYMENT_PROVIDER.id()), List.of(),
                EnumSet.of(Reader.PUBLISHER, Reader.KR_PAYMENT)),
        GREEN_AND_RED(List.of(Tlp.GREEN.id(), Tlp.RED.id()), List.of(), EnumSet.of(Reader.PUBLISHER));

        final List<String> markings;
        final List<Reader> recipients;
        final Set<Reader> readers;

        Row(List<String> markings, List<Reader> recipients, Set<Reader> readers) {
            this.markings = markings;
            this.recipients = recipients;
            this.readers = readers;
        }

        private static Set<Reader> all() {
            return EnumSet.allOf(Reader.class);
        }
    }

    enum Path { OBJECTS, OBJECT, VERSIONS, MANIFEST, LOG_OPENING, LOG_OPENINGS_BY_OBJECT, LOG_AUDIENCE_TAGS }

    private final Map<Reader, TestMember> members = new HashMap<>();
    private final Map<Row, String> objectIds = new LinkedHashMap<>();
    private final Map<Row, Long> logIndexes = new HashMap<>();
    private final Map<Row, String> digests = new HashMap<>();
    private final Map<String, Set<String>> listings = new ConcurrentHashMap<>();

    @BeforeAll
    void publishOneObjectPerRow() {
        for (Reader reader : Reader.values()) {
            members.put(reader, register(reader.id, reader.nation, reader.sector, Role.CONSUMER, Role.PUBLISHER));
        }
        TestMember publisher = members.get(Reader.PUBLISHER);
        List<ObjectNode> objects = new ArrayList<>();
        for (Row row : Row.values()) {
            ObjectNode object = marked(publisher, row.markings, row.recipients.stream().map(r -> members.get(r).identityId()).toList());
            objectIds.put(row, object.get("id").asString());
            objects.add(object);
        }
        JsonNode status = publisher.taxii().publish(Taxii.INDICATORS, TestStix.envelope(objects));
        assertThat(status.get("failures")).as("publishing the table's objects").isEmpty();
        for (Row row : Row.values()) {
            String id = objectIds.get(row);
            status.get("successes").forEach(s -> {
                if (s.get("id").asString().equals(id)) {
                    logIndexes.put(row, s.get("log_index").longValue());
                }
            });
            JsonNode stored = publisher.taxii().getJson(Taxii.INDICATORS + "objects/" + id + "/").get("objects").get(0);
            digests.put(row, java.util.HexFormat.of().formatHex(sha256(
                    org.trilateral.integrity.jcs.JsonCanonicalizer.canonicalize(stored))));
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (Row row : Row.values()) {
            for (Reader reader : Reader.values()) {
                for (Path path : Path.values()) {
                    cells.add(Arguments.of(row, reader, path, row.readers.contains(reader)));
                }
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} read by {1} on {2}: {3}")
    @MethodSource("cells")
    void readWhenMarkedThenOnlyTheTablesReadersSeeIt(Row row, Reader reader, Path path, boolean visible) {
        String id = objectIds.get(row);
        Taxii taxii = members.get(reader).taxii();
        switch (path) {
            case OBJECTS -> assertThat(listing(reader, "objects/?limit=1000")).as("objects listing").matches(ids -> ids.contains(id) == visible);
            case MANIFEST -> assertThat(listing(reader, "manifest/?limit=1000")).as("manifest").matches(ids -> ids.contains(id) == visible);
            case OBJECT -> taxii.get(Taxii.INDICATORS + "objects/" + id + "/").expectStatus().isEqualTo(visible ? 200 : 404);
            case VERSIONS -> taxii.get(Taxii.INDICATORS + "objects/" + id + "/versions/").expectStatus().isEqualTo(visible ? 200 : 404);
            case LOG_OPENING -> members.get(reader).client().get().uri("/log/openings/" + logIndexes.get(row)).exchange()
                    .expectStatus().isEqualTo(visible ? 200 : 404);
            case LOG_OPENINGS_BY_OBJECT -> {
                byte[] body = members.get(reader).client().post().uri("/log/openings")
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .bodyValue("{\"objects\":[{\"id\":\"" + id + "\",\"object_sha256\":\"" + digests.get(row) + "\"}]}")
                        .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
                assertThat(TestStix.parse(new String(body, java.nio.charset.StandardCharsets.UTF_8)).get("openings"))
                        .hasSize(visible ? 1 : 0);
            }
            case LOG_AUDIENCE_TAGS -> {
                JsonNode leaf = json(members.get(reader), "/log/leaves/" + logIndexes.get(row)).get("leaf");
                org.trilateral.integrity.log.AudienceKeyRing ring = org.trilateral.integrity.log.AudienceKeyRing.parse(
                        json(members.get(reader), "/log/audience-keys"));
                assertThat(ring.addressedTo(org.trilateral.integrity.log.SealedLeaf.parse(leaf))).isEqualTo(visible);
            }
        }
    }

    private static JsonNode json(TestMember member, String path) {
        byte[] body = member.client().get().uri(path).exchange().expectStatus().isOk().expectBody().returnResult()
                .getResponseBody();
        return TestStix.parse(new String(body, java.nio.charset.StandardCharsets.UTF_8));
    }

    private Set<String> listing(Reader reader, String path) {
        return listings.computeIfAbsent(reader + path, key -> {
            JsonNode page = members.get(reader).taxii().getJson(Taxii.INDICATORS + path);
            Set<String> ids = new java.util.HashSet<>();
            page.path("objects").forEach(o -> ids.add(o.get("id").asString()));
            return ids;
        });
    }

    @Test
    void pageWhenMostObjectsUnreadableThenStillFull() {
        TestMember publisher = members.get(Reader.PUBLISHER);
        List<ObjectNode> objects = new ArrayList<>();
        List<String> readable = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            boolean forAll = i % 3 == 0;
            ObjectNode object = marked(publisher, List.of(forAll ? Tlp.GREEN.id() : Tlp.RED.id()), List.of());
            object.put("name", "paging " + i);
            objects.add(object);
            if (forAll) {
                readable.add(object.get("id").asString());
            }
        }
        publisher.taxii().publish(Taxii.SIGHTINGS, TestStix.envelope(objects));
        Taxii reader = new Taxii(members.get(Reader.KR_PAYMENT).client());
        JsonNode page = reader.getJson(Taxii.SIGHTINGS + "objects/?limit=3");
        List<String> ids = new ArrayList<>();
        page.get("objects").forEach(o -> ids.add(o.get("id").asString()));
        assertThat(ids).containsExactlyElementsOf(readable.subList(0, 3));
        JsonNode rest = reader.getJson(Taxii.SIGHTINGS + "objects/?limit=3&next=" + page.get("next").asString());
        assertThat(rest.get("objects").get(0).get("id").asString()).isEqualTo(readable.get(3));
        assertThat(rest.get("more").asBoolean()).isFalse();
    }

    @Test
    void groupMembershipWhenMemberChangesSectorThenFollowsAtOnce() {
        TestMember mover = register("mover", Nation.KR, Sector.AI_COMPANY, Role.CONSUMER);
        String id = objectIds.get(Row.TRILATERAL_GOVERNMENT);
        Taxii taxii = mover.taxii();
        taxii.get(Taxii.INDICATORS + "objects/" + id + "/").expectStatus().isNotFound();
        client().patch().uri("/admin/members/mover").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"sector\":\"government\"}").exchange().expectStatus().isOk();
        taxii.get(Taxii.INDICATORS + "objects/" + id + "/").expectStatus().isOk();
    }

    @Test
    void publishWhenMarkingUnknownThenThatObjectRefused() {
        TestMember publisher = members.get(Reader.PUBLISHER);
        ObjectNode tlp1 = marked(publisher, List.of("marking-definition--f88d31f6-486f-44da-b317-01333bde0b82"), List.of());
        ObjectNode fine = marked(publisher, List.of(Tlp.GREEN.id()), List.of());
        JsonNode status = publisher.taxii().publish(Taxii.INDICATORS, TestStix.envelope(tlp1, fine));
        assertThat(status.get("success_count").asInt()).isEqualTo(1);
        assertThat(status.get("failures").get(0).get("message").asString())
                .contains("marking-definition--f88d31f6-486f-44da-b317-01333bde0b82").contains("TLP 2.0");
    }

    @Test
    void publishWhenRecipientIsNoMemberThenRefused() {
        TestMember publisher = members.get(Reader.PUBLISHER);
        String stranger = "identity--" + UUID.randomUUID();
        JsonNode status = publisher.taxii().publish(Taxii.INDICATORS,
                TestStix.envelope(marked(publisher, List.of(Tlp.RED.id()), List.of(stranger))));
        assertThat(status.get("failures").get(0).get("message").asString()).contains(stranger).contains("not identities of members");
    }

    @Test
    void publishWhenRecipientsOnNonRedObjectThenRefused() {
        TestMember publisher = members.get(Reader.PUBLISHER);
        JsonNode status = publisher.taxii().publish(Taxii.INDICATORS, TestStix.envelope(
                marked(publisher, List.of(Tlp.AMBER.id()), List.of(members.get(Reader.JP_GOV).identityId()))));
        assertThat(status.get("failures").get(0).get("message").asString()).contains("only allowed on TLP:RED");
    }

    /** An indicator by {@code publisher} with these markings and, when any, RED recipients. */
    static ObjectNode marked(TestMember publisher, List<String> markings, List<String> recipients) {
        ObjectNode object = TestStix.indicator();
        object.put("created_by_ref", publisher.identityId());
        if (!markings.isEmpty()) {
            markings.forEach(object.putArray("object_marking_refs")::add);
        }
        if (!recipients.isEmpty()) {
            ObjectNode extension = object.putObject("extensions").putObject(AudiencePolicy.DISTRIBUTION_EXTENSION_ID);
            extension.put("extension_type", "property-extension");
            recipients.forEach(extension.putArray("recipients")::add);
        }
        return object;
    }
}
