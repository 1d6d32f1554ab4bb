package org.trilateral.integrity.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.trilateral.taxonomy.testing.SharedFixtures;
import org.trilateral.taxonomy.stix.StixJson;
import tools.jackson.databind.JsonNode;

/** The transparency-dev/merkle vectors, through {@link InclusionProof} and {@link ConsistencyProof}. */
class PublishedMerkleVectorsTest {

    static Stream<Path> inclusionVectors() throws IOException {
        return vectors("inclusion");
    }

    static Stream<Path> consistencyVectors() throws IOException {
        return vectors("consistency");
    }

    @ParameterizedTest
    @MethodSource("inclusionVectors")
    void verifyInclusionWhenPublishedVectorThenOutcomeAsPublished(Path file) throws IOException {
        JsonNode vector = StixJson.mapper().readTree(Files.readAllBytes(file));

        Runnable verification = () -> new InclusionProof(uint64(vector.get("leafIdx")),
                uint64(vector.get("treeSize")), hashes(vector.get("proof")))
                .verify(hash(vector.get("leafHash")), hash(vector.get("root")));

        if (vector.get("wantErr").booleanValue()) {
            assertThatThrownBy(verification::run).as(file.toString()).isInstanceOf(InvalidProofException.class);
        } else {
            assertThatCode(verification::run).as(file.toString()).doesNotThrowAnyException();
        }
    }

    @ParameterizedTest
    @MethodSource("consistencyVectors")
    void verifyConsistencyWhenPublishedVectorThenOutcomeAsPublished(Path file) throws IOException {
        JsonNode vector = StixJson.mapper().readTree(Files.readAllBytes(file));

        Runnable verification = () -> new ConsistencyProof(uint64(vector.get("size1")),
                uint64(vector.get("size2")), hashes(vector.get("proof")))
                .verify(hash(vector.get("root1")), hash(vector.get("root2")));

        if (vector.get("wantErr").booleanValue()) {
            assertThatThrownBy(verification::run).as(file.toString()).isInstanceOf(InvalidProofException.class);
        } else {
            assertThatCode(verification::run).as(file.toString()).doesNotThrowAnyException();
        }
    }

    private static Stream<Path> vectors(String kind) throws IOException {
        Path folder = SharedFixtures.shared("test-vectors/merkle").resolve(kind);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(path -> path.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).as("vectors in " + folder).isNotEmpty();
        return files.stream();
    }

    /** The vectors hold Go uint64 values; Java holds the same 64 bits in a long, so 2^64-1 arrives as -1. */
    private static long uint64(JsonNode number) {
        return number.bigIntegerValue().longValue();
    }

    private static byte[] hash(JsonNode base64) {
        return Base64.getDecoder().decode(base64.stringValue());
    }

    private static List<byte[]> hashes(JsonNode proof) {
        if (proof == null || proof.isNull()) {
            return null;
        }
        List<byte[]> hashes = new ArrayList<>();
        proof.values().forEach(element -> hashes.add(hash(element)));
        return hashes;
    }
}
