package org.trilateral.integrity.oprf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.trilateral.taxonomy.stix.StixJson;
import org.trilateral.taxonomy.testing.SharedFixtures;
import tools.jackson.databind.JsonNode;

/**
 * Every P256-SHA256 vector of RFC 9497 Appendix A (../shared/test-vectors/oprf/allVectors.json, see PROVENANCE.md):
 * key derivation, then for each vector the blinded elements, the evaluation, the batched proof, the client's outputs
 * and the server's full evaluation.
 */
class Rfc9497VectorsTest {

    private static final HexFormat HEX = HexFormat.of();

    static Stream<Arguments> suites() throws IOException {
        return p256Suites().map(suite -> Arguments.of(Named.of("mode " + suite.get("mode").intValue(), suite)));
    }

    static Stream<Arguments> vectors() throws IOException {
        return p256Suites().flatMap(suite -> suite.get("vectors").valueStream().map(vector -> Arguments.of(
                Named.of("mode " + suite.get("mode").intValue() + " batch " + vector.get("Batch").intValue()
                        + " input " + vector.get("Input").stringValue(), suite), vector)));
    }

    @ParameterizedTest
    @MethodSource("suites")
    void deriveKeyPairWhenSeedAndKeyInfoOfVectorThenKeysAsPublished(JsonNode suite) {
        OprfKeyPair keys = keyPair(suite);

        assertThat(HEX.formatHex(keys.privateKey().serialize())).isEqualTo(suite.get("skSm").stringValue());
        if (suite.has("pkSm")) {
            assertThat(keys.publicKey().toString()).isEqualTo(suite.get("pkSm").stringValue());
        }
        assertThat(HEX.formatHex(Suite.of(mode(suite)).hashToGroupDst())).isEqualTo(suite.get("groupDST").stringValue());
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void protocolWhenVectorReplayedThenBlindedEvaluatedProofAndOutputsAsPublished(JsonNode suite, JsonNode vector) {
        OprfKeyPair keys = keyPair(suite);
        List<byte[]> inputs = hexList(vector.get("Input"));
        List<byte[]> expectedOutputs = hexList(vector.get("Output"));
        FixedScalars blinds = FixedScalars.hex(vector.get("Blind").stringValue());

        List<byte[]> outputs;
        switch (mode(suite)) {
            case OPRF -> {
                OprfClient client = OprfClient.create(blinds);
                BlindedBatch batch = client.blind(inputs);
                assertElements(batch.blindedElements(), vector.get("BlindedElement"));
                List<Element> evaluated = OprfServer.create(keys).blindEvaluate(batch.blindedElements());
                assertElements(evaluated, vector.get("EvaluationElement"));
                outputs = client.finalizeOutputs(batch, evaluated);
                for (int i = 0; i < inputs.size(); i++) {
                    assertThat(OprfServer.create(keys).evaluate(inputs.get(i))).isEqualTo(expectedOutputs.get(i));
                }
            }
            case VOPRF -> {
                VoprfClient client = VoprfClient.create(keys.publicKey(), blinds);
                BlindedBatch batch = client.blind(inputs);
                assertElements(batch.blindedElements(), vector.get("BlindedElement"));
                VerifiableEvaluation evaluation = VoprfServer.create(keys, FixedScalars.hex(vector.get("Proof").get("r").stringValue()))
                        .blindEvaluate(batch.blindedElements());
                assertElements(evaluation.evaluatedElements(), vector.get("EvaluationElement"));
                assertThat(HEX.formatHex(evaluation.proof().serialize())).isEqualTo(vector.get("Proof").get("proof").stringValue());
                outputs = client.finalizeOutputs(batch, evaluation);
                for (int i = 0; i < inputs.size(); i++) {
                    assertThat(VoprfServer.create(keys).evaluate(inputs.get(i))).isEqualTo(expectedOutputs.get(i));
                }
            }
            case POPRF -> {
                byte[] info = HEX.parseHex(vector.get("Info").stringValue());
                PoprfClient client = PoprfClient.create(keys.publicKey(), blinds);
                BlindedBatch batch = client.blind(info, inputs);
                assertElements(batch.blindedElements(), vector.get("BlindedElement"));
                VerifiableEvaluation evaluation = PoprfServer.create(keys, FixedScalars.hex(vector.get("Proof").get("r").stringValue()))
                        .blindEvaluate(info, batch.blindedElements());
                assertElements(evaluation.evaluatedElements(), vector.get("EvaluationElement"));
                assertThat(HEX.formatHex(evaluation.proof().serialize())).isEqualTo(vector.get("Proof").get("proof").stringValue());
                outputs = client.finalizeOutputs(batch, evaluation);
                for (int i = 0; i < inputs.size(); i++) {
                    assertThat(PoprfServer.create(keys).evaluate(inputs.get(i), info)).isEqualTo(expectedOutputs.get(i));
                }
            }
            default -> throw new IllegalStateException();
        }
        assertThat(outputs).hasSize(expectedOutputs.size());
        for (int i = 0; i < outputs.size(); i++) {
            assertThat(HEX.formatHex(outputs.get(i))).isEqualTo(HEX.formatHex(expectedOutputs.get(i)));
        }
    }

    static Stream<JsonNode> p256Suites() throws IOException {
        JsonNode all = StixJson.mapper().readTree(Files.readAllBytes(SharedFixtures.shared("test-vectors/oprf/allVectors.json")));
        List<JsonNode> suites = all.valueStream().filter(s -> "P256-SHA256".equals(s.get("identifier").stringValue())).toList();
        assertThat(suites).extracting(s -> s.get("mode").intValue()).containsExactlyInAnyOrder(0, 1, 2);
        return suites.stream();
    }

    private static OprfKeyPair keyPair(JsonNode suite) {
        return OprfKeyPair.derive(mode(suite), HEX.parseHex(suite.get("seed").stringValue()), HEX.parseHex(suite.get("keyInfo").stringValue()));
    }

    private static OprfMode mode(JsonNode suite) {
        return OprfMode.values()[suite.get("mode").intValue()];
    }

    private static List<byte[]> hexList(JsonNode commaSeparated) {
        return Arrays.stream(commaSeparated.stringValue().split(",")).map(HEX::parseHex).toList();
    }

    private static void assertElements(List<Element> elements, JsonNode expected) {
        assertThat(elements).extracting(Element::toString).containsExactly(expected.stringValue().split(","));
    }
}
