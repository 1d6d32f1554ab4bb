package org.trilateral.client.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.trilateral.integrity.jcs.CanonicalForms;
import org.trilateral.integrity.jcs.JsonCanonicalizer;
import org.trilateral.integrity.jws.Jwk;
import org.trilateral.integrity.jws.SigningKey;
import org.trilateral.taxonomy.extension.ExchangeExtensions;
import org.trilateral.taxonomy.signature.ObjectSignatureVerifier;
import org.trilateral.taxonomy.signature.ObjectSigner;
import org.trilateral.taxonomy.stix.StixJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What verifying one object costs the client's CPU, on one thread, without the network or the log: the bound on
 * {@code exchange verify} per core (docs/performance.md). Measures, over {@code N} signed indicators like those of
 * client-sdk/bench/sdk-bench.sh: Ed25519 alone (BouncyCastle, what {@link Jwk#verify} uses), parsing a JSON line,
 * the object's digest (RFC 8785 form, SHA-256) and the whole signature check (payload canonicalised, header read,
 * Ed25519), each in objects per second of wall time and per CPU-second of the measuring thread. Run after {@code ./mvnw -B -q -pl client-sdk -am package -DskipTests}:
 *
 * <pre>
 * java -cp client-sdk/target/test-classes:client-sdk/target/client-sdk-0.1.0-SNAPSHOT-cli.jar \
 *     org.trilateral.client.bench.VerificationCostBenchmark 20000
 * </pre>
 */
public final class VerificationCostBenchmark {

    private VerificationCostBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        SigningKey key = SigningKey.generate();
        Jwk publicKey = key.publicKey();
        ObjectSigner signer = new ObjectSigner(ExchangeExtensions.OBJECT_SIGNATURE_ID, key);
        List<byte[]> lines = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            lines.add(StixJson.mapper().writeValueAsBytes(signer.sign(indicator(n))));
        }
        List<JsonNode> objects = lines.stream().map(line -> (JsonNode) StixJson.mapper().readTree(line)).toList();
        byte[] message = lines.get(0);
        byte[] signature = key.sign(message);
        ObjectSignatureVerifier verifier = new ObjectSignatureVerifier(ExchangeExtensions.OBJECT_SIGNATURE_ID);
        for (int round = 1; round <= 3; round++) {
            System.out.printf(Locale.ROOT, "round %d, %,d objects, one thread:%n", round, count);
            measure("Ed25519 verify alone (BouncyCastle)", count, i -> {
                if (!publicKey.verify(message, signature)) {
                    throw new IllegalStateException("a valid signature did not verify");
                }
            });
            measure("parse a JSON line (strict mapper)", count, i -> StixJson.mapper().readTree(lines.get(i)));
            measure("object digest: RFC 8785 form + SHA-256", count, i -> sha256(objects.get(i)));
            measure("signature check (payload, header, Ed25519)", count, i -> {
                if (!verifier.verify(objects.get(i), kid -> Optional.of(publicKey)).signatures().get(0).verified()) {
                    throw new IllegalStateException("a signed object did not verify");
                }
            });
            measure("digest + payload as two RFC 8785 walks", count, i -> {
                sha256(objects.get(i));
                // As the payload was made before: the object copied without its (only) extension, then canonicalised.
                ObjectNode unsigned = StixJson.mapper().createObjectNode();
                objects.get(i).properties().forEach(m -> {
                    if (!m.getKey().equals("extensions")) {
                        unsigned.set(m.getKey(), m.getValue());
                    }
                });
                digest(JsonCanonicalizer.canonicalize(unsigned));
            });
            measure("digest + payload from one walk (verify's way)", count, i -> {
                CanonicalForms forms = verifier.canonicalForms(objects.get(i));
                digest(forms.whole());
            });
            measure("whole object check: one walk, then signature", count, i -> {
                CanonicalForms forms = verifier.canonicalForms(objects.get(i));
                digest(forms.whole());
                if (!verifier.verify(objects.get(i), forms, kid -> Optional.of(publicKey)).signatures().get(0).verified()) {
                    throw new IllegalStateException("a signed object did not verify");
                }
            });
        }
    }

    /** Wall time, and this thread's CPU time: on a shared machine the second is the fair per-core figure. */
    private static void measure(String what, int count, Consumer<Integer> step) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < count; i++) {
            step.accept(i);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        System.out.printf(Locale.ROOT, "  %-45s %,9.0f objects/s wall, %,9.0f per CPU-second (%.1f µs CPU each)%n", what,
                count / seconds, count / cpuSeconds, cpuSeconds * 1e6 / count);
    }

    private static byte[] sha256(JsonNode object) {
        return digest(JsonCanonicalizer.canonicalize(object));
    }

    private static byte[] digest(byte[] canonical) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(canonical);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode indicator(int n) {
        String t = "2026-01-01T00:00:00.000Z";
        return (ObjectNode) StixJson.mapper().readTree(("{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"indicator--"
                + UUID.randomUUID() + "\",\"created_by_ref\":\"identity--ddd4187e-df13-4d7a-b3e3-82485e32818a\",\"created\":\""
                + t + "\",\"modified\":\"" + t + "\",\"name\":\"Facilitator exit " + n + "\",\"indicator_types\":"
                + "[\"malicious-activity\"],\"pattern\":\"[ipv4-addr:value = '10.0." + (n >> 8 & 255) + "." + (n & 255)
                + "']\",\"pattern_type\":\"stix\",\"valid_from\":\"" + t + "\"}").getBytes(StandardCharsets.UTF_8));
    }
}
