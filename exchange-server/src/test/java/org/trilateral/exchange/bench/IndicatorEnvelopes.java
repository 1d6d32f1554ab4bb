package org.trilateral.exchange.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.trilateral.taxonomy.stix.StixJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Signed facilitator-IP indicators in TAXII envelopes, built and signed before any clock starts. Their markings cycle
 * through four audiences so that paging pays for the audience predicate as on a real exchange: none (TLP:CLEAR by
 * default), TLP:GREEN, the sharing group {@code nation-us} and the group {@code trilateral-government}. us-agency
 * reads all four; a Japanese company reads the first two, half of them.
 */
final class IndicatorEnvelopes {

    static final String[] MARKINGS = {
            "",
            ",\"object_marking_refs\":[\"marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb\"]",
            ",\"object_marking_refs\":[\"marking-definition--e2139629-9d52-42e9-b819-b67c0fa32512\"]",
            ",\"object_marking_refs\":[\"marking-definition--ec53c4a9-a9d3-470b-9b21-276df0a83471\"]"};

    /** Markings a publisher may use: a US technology company cannot address trilateral-government. */
    static final int MARKINGS_OF_A_COMPANY = 3;

    private static final AtomicLong NEXT = new AtomicLong();

    private IndicatorEnvelopes() {
    }

    /** A signed envelope body with its object count. */
    record Envelope(String body, int count) {
    }

    /**
     * {@code objects} indicators of {@code publisher}, {@code size} per envelope, their markings cycling through
     * {@code audiences} (JSON members appended to each object); {@code tally[i]} counts the objects given audience i.
     */
    static List<Envelope> of(Publishers.Publisher publisher, long objects, int size, List<String> audiences, long[] tally) {
        List<Envelope> envelopes = new ArrayList<>();
        for (long done = 0; done < objects; done += size) {
            int count = (int) Math.min(size, objects - done);
            envelopes.add(new Envelope(signed(publisher, count, audiences, tally), count));
        }
        return envelopes;
    }

    private static String signed(Publishers.Publisher publisher, int count, List<String> audiences, long[] tally) {
        JsonNode parsed = StixJson.mapper().readTree(unsigned(publisher.identity(), count, audiences, tally));
        parsed.get("objects").forEach(object -> publisher.signer().sign((ObjectNode) object));
        return StixJson.mapper().writeValueAsString(parsed);
    }

    private static String unsigned(String identity, int count, List<String> audiences, long[] tally) {
        StringBuilder json = new StringBuilder(count * 520).append("{\"objects\":[");
        String timestamp = "2026-01-01T00:00:00.000Z";
        for (int i = 0; i < count; i++) {
            long n = NEXT.getAndIncrement();
            json.append(i == 0 ? "" : ",")
                    .append("{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"indicator--").append(UUID.randomUUID())
                    .append("\",\"created_by_ref\":\"").append(identity)
                    .append("\",\"created\":\"").append(timestamp).append("\",\"modified\":\"").append(timestamp)
                    .append("\",\"name\":\"Facilitator exit ").append(n)
                    .append("\",\"indicator_types\":[\"malicious-activity\"],\"pattern\":\"[ipv4-addr:value = '")
                    .append(10 + (n >>> 24) % 200).append('.').append((n >>> 16) & 255).append('.').append((n >>> 8) & 255)
                    .append('.').append(n & 255).append("']\",\"pattern_type\":\"stix\",\"valid_from\":\"").append(timestamp)
                    .append('"').append(audiences.get((int) (n % audiences.size()))).append('}');
            tally[(int) (n % audiences.size())]++;
        }
        return json.append("]}").toString();
    }
}
