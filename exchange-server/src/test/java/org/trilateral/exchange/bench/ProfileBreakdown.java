package org.trilateral.exchange.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the exchange's CPU goes, from a JDK Flight Recorder file of a benchmark run (docs/performance.md): each
 * execution sample of an exchange thread is put in the first category whose pattern matches a frame of its stack, and
 * the shares are printed. The benchmark's own client threads ({@code main}, {@code pool-*}, {@code HttpClient-*}) are
 * left out. Usage: {@code java -cp <test classpath> org.trilateral.exchange.bench.ProfileBreakdown bench.jfr}.
 */
public final class ProfileBreakdown {

    /** Categories in the order they are tried: the first match names the sample. */
    private static final Map<String, Pattern> CATEGORIES = new LinkedHashMap<>();

    static {
        // Screening's own work (PrivateMatchingBenchmark), before the general categories its stacks would also match.
        CATEGORIES.put("screening: index catch-up (indexing new indicators)", Pattern.compile("ScreeningIndex\\.(write|batch)"));
        CATEGORIES.put("screening: indicator pattern parsing", Pattern.compile("screening\\.IndicatorFacts"));
        CATEGORIES.put("screening: IP containment", Pattern.compile("screening\\.IpRanges"));
        CATEGORIES.put("screening: request parsing", Pattern.compile("ScreeningJson\\.request|AdminJson\\.readObject"));
        CATEGORIES.put("screening: stored JSON read, matching, answer", Pattern.compile("screening\\.(Screening|ScreeningJson|RiskRules|Confidence|Employment)\\."));
        CATEGORIES.put("signature verification (Ed25519)", Pattern.compile("rfc8032|rfc7748|Ed25519"));
        CATEGORIES.put("STIX and extension validation", Pattern.compile(
                "StixObjectValidator|ExchangeExtensionValidator|taxonomy\\.pattern|RawPersonaValues|PersonaSchemeUse"));
        CATEGORIES.put("RFC 8785 canonicalisation and digests", Pattern.compile("integrity\\.jcs|ContentDigest"));
        CATEGORIES.put("access-token verification", Pattern.compile("nimbusds|security\\.oauth2|AccessTokenDecoder"));
        CATEGORIES.put("transparency log append (leaves, Merkle, checkpoint)", Pattern.compile(
                "ledger\\.TransparencyLog|integrity\\.merkle|integrity\\.log|CheckpointSigner"));
        CATEGORIES.put("TAXII envelope parsing", Pattern.compile("EnvelopeReader"));
        CATEGORIES.put("page rendering", Pattern.compile("ObjectHandler\\.(envelope|pageOf)"));
        CATEGORIES.put("SQL: binding, encoding, decoding (R2DBC)", Pattern.compile("io\\.r2dbc"));
        CATEGORIES.put("JSON (Jackson), elsewhere", Pattern.compile("tools\\.jackson"));
        CATEGORIES.put("HTTP (Netty)", Pattern.compile("io\\.netty|reactor\\.netty"));
    }

    private ProfileBreakdown() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Integer> counts = new LinkedHashMap<>();
        CATEGORIES.keySet().forEach(name -> counts.put(name, 0));
        counts.put("other", 0);
        int total = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            String thread = event.getThread("sampledThread") == null ? "" : event.getThread("sampledThread").getJavaName();
            if (thread == null || thread.equals("main") || thread.startsWith("pool-") || thread.startsWith("HttpClient")) {
                continue;
            }
            total++;
            counts.merge(category(event.getStackTrace().getFrames()), 1, Integer::sum);
        }
        System.out.printf(Locale.ROOT, "%,d samples of exchange threads%n", total);
        for (Map.Entry<String, Integer> entry : counts.entrySet()) {
            System.out.printf(Locale.ROOT, "%5.1f %%  %s%n", total == 0 ? 0 : 100.0 * entry.getValue() / total, entry.getKey());
        }
    }

    private static String category(List<RecordedFrame> frames) {
        for (Map.Entry<String, Pattern> entry : CATEGORIES.entrySet()) {
            for (RecordedFrame frame : frames) {
                String method = frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
                if (entry.getValue().matcher(method).find()) {
                    return entry.getKey();
                }
            }
        }
        return "other";
    }
}
