package org.trilateral.integrity.oprf;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntSupplier;

/**
 * Throughput of the OPRF on one thread, for docs/performance.md: {@code ./mvnw -B -Pbench -pl taxonomy verify
 * -DskipTests} (or run this class's main with the test class path). Each figure is the best of
 * {@code bench.rounds} (default 5) rounds of {@code bench.seconds} (default 2) seconds after a warm-up. What a server's evaluation costs
 * includes deserialising the blinded element it receives and serialising what it returns.
 */
public final class OprfBenchmark {

    private static final byte[] INFO = "tie-persona|v2-oprf-p256|email|1".getBytes(StandardCharsets.UTF_8);

    private OprfBenchmark() {
    }

    public static void main(String[] args) {
        double seconds = Double.parseDouble(System.getProperty("bench.seconds", "2"));
        int rounds = Integer.getInteger("bench.rounds", 5);
        OprfKeyPair poprfKeys = OprfKeyPair.derive(OprfMode.POPRF, new byte[32], new byte[0]);
        OprfKeyPair voprfKeys = OprfKeyPair.derive(OprfMode.VOPRF, new byte[32], new byte[0]);
        OprfKeyPair oprfKeys = OprfKeyPair.derive(OprfMode.OPRF, new byte[32], new byte[0]);
        PoprfServer poprfServer = PoprfServer.create(poprfKeys);
        PoprfClient poprfClient = PoprfClient.create(poprfKeys.publicKey());
        VoprfServer voprfServer = VoprfServer.create(voprfKeys);
        OprfServer oprfServer = OprfServer.create(oprfKeys);

        List<byte[]> wire = new ArrayList<>();
        for (int i = 0; i < 1024; i++) {
            wire.add(poprfClient.blind(INFO, input(i)).blindedElements().get(0).serialize());
        }
        List<List<Element>> batchesOf10 = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            batchesOf10.add(wire.subList(i * 10, i * 10 + 10).stream().map(Element::deserialize).toList());
        }

        System.out.printf(Locale.ROOT, "OPRF P256-SHA256, one thread, best of %d rounds of %.1f s, %d processors, load average %.2f%n", rounds, seconds,
                Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        measure("POPRF BlindEvaluate, 1 element + proof (server, bytes in/out)", seconds, rounds, counter(i -> {
            VerifiableEvaluation e = poprfServer.blindEvaluate(INFO, Element.deserialize(wire.get(i & 1023)));
            return e.evaluatedElements().get(0).serialize().length + e.proof().serialize().length;
        }, 1));
        PoprfServer.PreparedInfo prepared = poprfServer.prepare(INFO);
        measure("POPRF BlindEvaluate, 1 element + proof, info prepared once", seconds, rounds, counter(i -> {
            VerifiableEvaluation e = poprfServer.blindEvaluate(prepared, List.of(Element.deserialize(wire.get(i & 1023))));
            return e.evaluatedElements().get(0).serialize().length + e.proof().serialize().length;
        }, 1));
        measure("POPRF BlindEvaluate, batch of 10 + one proof, per element", seconds, rounds, counter(i -> {
            VerifiableEvaluation e = poprfServer.blindEvaluate(prepared, batchesOf10.get(i & 63));
            return e.evaluatedElements().size();
        }, 10));
        measure("VOPRF BlindEvaluate, 1 element + proof (server, bytes in/out)", seconds, rounds, counter(i -> {
            VerifiableEvaluation e = voprfServer.blindEvaluate(Element.deserialize(wire.get(i & 1023)));
            return e.evaluatedElements().get(0).serialize().length;
        }, 1));
        measure("OPRF BlindEvaluate, 1 element, no proof (server, bytes in/out)", seconds, rounds, counter(i ->
                oprfServer.blindEvaluate(Element.deserialize(wire.get(i & 1023))).serialize().length, 1));
        measure("POPRF full round: Blind + BlindEvaluate + verify proof + Finalize", seconds, rounds, counter(i -> {
            BlindedBatch batch = poprfClient.blind(INFO, input(i));
            return poprfClient.finalizeOutput(batch, poprfServer.blindEvaluate(INFO, batch.blindedElements())).length;
        }, 1));
        measure("POPRF client alone: Blind + verify proof + Finalize", seconds, rounds, clientOnly(poprfClient, poprfServer));
    }

    private interface Operation {
        int run(int i);
    }

    /** Runs the operation once per call and reports how many evaluations that was. */
    private static IntSupplier counter(Operation operation, int evaluationsPerCall) {
        int[] next = {0};
        return () -> {
            operation.run(next[0]++);
            return evaluationsPerCall;
        };
    }

    private static IntSupplier clientOnly(PoprfClient client, PoprfServer server) {
        List<VerifiableEvaluation> answers = new ArrayList<>();
        List<BlindedBatch> batches = new ArrayList<>();
        PoprfClient fixed = PoprfClient.create(client.publicKey(), ScalarSource.secure());
        for (int i = 0; i < 256; i++) {
            BlindedBatch batch = fixed.blind(INFO, input(i));
            batches.add(batch);
            answers.add(server.blindEvaluate(INFO, batch.blindedElements()));
        }
        int[] next = {0};
        return () -> {
            int i = next[0]++ & 255;
            client.blind(INFO, input(i));
            fixed.finalizeOutput(batches.get(i), answers.get(i));
            return 1;
        };
    }

    /**
     * Prints the best round by wall clock and by this thread's CPU time: on a shared machine the thread gets only part
     * of a core, and evaluations per CPU-second is what one core of its own would do.
     */
    private static void measure(String name, double seconds, int rounds, IntSupplier operation) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long warmUpEnd = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < warmUpEnd) {
            operation.getAsInt();
        }
        double bestWall = 0;
        double bestCpu = 0;
        for (int round = 0; round < rounds; round++) {
            long count = 0;
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            long end = start + (long) (seconds * 1e9);
            long now;
            do {
                count += operation.getAsInt();
                now = System.nanoTime();
            } while (now < end);
            long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
            bestWall = Math.max(bestWall, count / ((now - start) / 1e9));
            bestCpu = Math.max(bestCpu, count / (cpu / 1e9));
        }
        System.out.printf(Locale.ROOT, "%-66s %,9.0f /s wall %,9.0f /s per CPU-second %7.1f us CPU each%n", name, bestWall, bestCpu, 1e6 / bestCpu);
    }

    private static byte[] input(int i) {
        return ("tie-persona|v1|email|candidate" + i + "@example.com").getBytes(StandardCharsets.UTF_8);
    }
}
