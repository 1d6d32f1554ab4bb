package org.trilateral.integrity.oprf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.trilateral.taxonomy.stix.StixJson;
import org.trilateral.taxonomy.testing.SharedFixtures;
import tools.jackson.databind.JsonNode;

/** The RFC 9380 P-256 vectors (../shared/test-vectors/hash-to-curve, see PROVENANCE.md) through {@link HashToCurveP256}. */
class HashToCurveP256VectorsTest {

    static Stream<JsonNode> hashToCurveVectors() throws IOException {
        JsonNode suite = read("test-vectors/hash-to-curve/P256_XMD_SHA-256_SSWU_RO_.json");
        assertThat(suite.get("ciphersuite").stringValue()).isEqualTo("P256_XMD:SHA-256_SSWU_RO_");
        return suite.get("vectors").valueStream().map(v -> withDst(v, suite.get("dst")));
    }

    static Stream<JsonNode> expandMessageVectors() throws IOException {
        JsonNode suite = read("test-vectors/hash-to-curve/expand_message_xmd_SHA256_38.json");
        return suite.get("tests").valueStream().map(v -> withDst(v, suite.get("DST")));
    }

    @ParameterizedTest
    @MethodSource("hashToCurveVectors")
    void hashToCurveWhenPublishedVectorThenFieldElementsMapsAndPointAsPublished(JsonNode vector) {
        byte[] msg = vector.get("msg").stringValue().getBytes(StandardCharsets.US_ASCII);
        byte[] dst = vector.get("dst").stringValue().getBytes(StandardCharsets.US_ASCII);

        BigInteger[] u = HashToCurveP256.hashToField(msg, dst, 2);
        ECPoint q0 = HashToCurveP256.mapToCurve(u[0]);
        ECPoint q1 = HashToCurveP256.mapToCurve(u[1]);
        ECPoint p = HashToCurveP256.hashToCurve(msg, dst);

        String label = "msg '" + vector.get("msg").stringValue() + "'";
        assertThat(u[0]).as(label).isEqualTo(hex(vector.get("u").get(0)));
        assertThat(u[1]).as(label).isEqualTo(hex(vector.get("u").get(1)));
        assertPoint(q0, vector.get("Q0"), label);
        assertPoint(q1, vector.get("Q1"), label);
        assertPoint(p, vector.get("P"), label);
    }

    @ParameterizedTest
    @MethodSource("expandMessageVectors")
    void expandMessageXmdWhenPublishedVectorThenUniformBytesAsPublished(JsonNode vector) {
        byte[] msg = vector.get("msg").stringValue().getBytes(StandardCharsets.US_ASCII);
        byte[] dst = vector.get("dst").stringValue().getBytes(StandardCharsets.US_ASCII);
        int length = hex(vector.get("len_in_bytes")).intValueExact();

        byte[] uniform = HashToCurveP256.expandMessageXmd(msg, dst, length);

        assertThat(HexFormat.of().formatHex(uniform)).as("msg '" + vector.get("msg").stringValue() + "' len " + length)
                .isEqualTo(vector.get("uniform_bytes").stringValue());
    }

    private static void assertPoint(ECPoint point, JsonNode expected, String label) {
        assertThat(point.getAffineXCoord().toBigInteger()).as(label + " x").isEqualTo(hex(expected.get("x")));
        assertThat(point.getAffineYCoord().toBigInteger()).as(label + " y").isEqualTo(hex(expected.get("y")));
    }

    private static BigInteger hex(JsonNode prefixed) {
        return new BigInteger(prefixed.stringValue().substring(2), 16);
    }

    private static JsonNode read(String relative) throws IOException {
        return StixJson.mapper().readTree(Files.readAllBytes(SharedFixtures.shared(relative)));
    }

    private static JsonNode withDst(JsonNode vector, JsonNode dst) {
        return ((tools.jackson.databind.node.ObjectNode) vector.deepCopy()).set("dst", dst);
    }
}
