package org.trilateral.exchange.object;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.trilateral.exchange.support.ExchangeIntegrationTest;
import org.trilateral.exchange.support.TestStix;
import org.trilateral.exchange.taxii.Taxii;
import org.trilateral.taxonomy.marking.Tlp;
import org.trilateral.taxonomy.stix.StixJson;
import org.trilateral.taxonomy.testing.SharedFixtures;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every bundle among the OASIS STIX 2.1 examples and interoperability samples is accepted by ingest, and every
 * object is read back equal (as JSON) to what was sent; what the server returns is checked against the OASIS
 * schemas by {@link Taxii}. The samples are made publishable by one member first ({@link #asPublishedByTestMember}):
 * the exchange attributes every object to its publisher, requires its signature, and enforces only TLP 2.0 and its
 * sharing-group markings. They go to {@code advisories}, a collection that accepts raw persona values: some samples
 * (apt1, poisonivy) name threat actors' email addresses, which the hashed-persona collections refuse
 * ({@link HostileInputTest}).
 */
class OasisSamplesIngestTest extends ExchangeIntegrationTest {

    @TestFactory
    Stream<DynamicTest> ingestWhenOasisBundleThenAllAcceptedAndReadBackUnchanged() throws IOException {
        Optional<Path> samples = SharedFixtures.find("stix2-json-schemas");
        Assumptions.assumeTrue(samples.isPresent(), SharedFixtures.ABSENT);
        List<Path> bundles = new ArrayList<>();
        for (String folder : List.of("examples", "interop")) {
            try (Stream<Path> files = Files.walk(samples.get().resolve(folder))) {
                files.filter(f -> f.toString().endsWith(".json")).sorted().forEach(f -> {
                    if (TestStix.parse(read(f)).path("type").asString("").equals("bundle")) {
                        bundles.add(f);
                    }
                });
            }
        }
        assertThat(bundles).as("OASIS sample bundles").hasSizeGreaterThan(5);
        return bundles.stream().map(bundle -> DynamicTest.dynamicTest(samples.get().relativize(bundle).toString(), () -> {
            Taxii taxii = new Taxii(client());
            JsonNode objects = asPublishedByTestMember(TestStix.parse(read(bundle)).get("objects"));
            JsonNode status = taxii.publish(Taxii.ADVISORIES, "{\"objects\":" + objects + "}");
            assertThat(status.get("failures")).as("failures of %s", bundle).isEmpty();
            assertThat(status.get("success_count").asInt()).isEqualTo(objects.size());
            for (JsonNode sent : objects) {
                String id = sent.get("id").asString();
                JsonNode envelope = taxii.getJson(Taxii.ADVISORIES + "objects/" + id + "/?match[version]=all");
                List<JsonNode> versions = new ArrayList<>();
                envelope.get("objects").forEach(versions::add);
                assertThat(versions).as("stored versions of %s", id).contains(sent);
            }
        }));
    }

    /**
     * The sample objects as the test member would publish them: created by its identity, and without the markings the
     * exchange does not enforce (TLP 1.0, statements), which it would refuse.
     */
    static JsonNode asPublishedByTestMember(JsonNode objects) {
        ArrayNode result = StixJson.mapper().createArrayNode();
        for (JsonNode original : objects) {
            ObjectNode object = (ObjectNode) original.deepCopy();
            if (object.has("created")) {
                object.put("created_by_ref", TestStix.MEMBER_IDENTITY);
            }
            if (object.has("object_marking_refs")) {
                ArrayNode kept = StixJson.mapper().createArrayNode();
                object.get("object_marking_refs").forEach(ref -> {
                    if (Tlp.fromId(ref.asString()).isPresent()) {
                        kept.add(ref);
                    }
                });
                if (kept.isEmpty()) {
                    object.remove("object_marking_refs");
                } else {
                    object.set("object_marking_refs", kept);
                }
            }
            if (object.has("granular_markings")) {
                ArrayNode kept = StixJson.mapper().createArrayNode();
                object.get("granular_markings").forEach(marking -> {
                    if (!marking.has("marking_ref") || Tlp.fromId(marking.get("marking_ref").asString()).isPresent()) {
                        kept.add(marking);
                    }
                });
                if (kept.isEmpty()) {
                    object.remove("granular_markings");
                } else {
                    object.set("granular_markings", kept);
                }
            }
            // The member signs what it publishes (docs/integrity.md); read-back must give the signed object.
            result.add(TestStix.sign(object));
        }
        return result;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
