package org.trilateral.exchange.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.trilateral.exchange.access.AudiencePolicy;
import org.trilateral.exchange.access.SharingGroup;
import org.trilateral.exchange.member.Member;
import org.trilateral.exchange.member.MemberId;
import org.trilateral.exchange.member.MemberStatus;
import org.trilateral.exchange.member.Nation;
import org.trilateral.exchange.member.Role;
import org.trilateral.taxonomy.marking.Tlp;
import org.trilateral.taxonomy.vocabulary.Sector;

/**
 * The cost of the audience predicate with many members and groups (issue 11). A collection's objects are spread over
 * many audiences: TLP:GREEN, each of the thirteen sharing groups, and TLP:RED for each of 27 reader members (three
 * nations times nine sectors, each created through the admin API). Readers who may read a tenth or less of it then walk
 * it whole. A page is the audience condition applied while walking the collection's {@code seq} index, so a reader of
 * a tenth examines about ten rows for each object it receives; these walks measure what that costs, and check that
 * each reader receives exactly the objects the access rules let it read.
 */
final class AudiencePaging {

    private static final String GREEN = ",\"object_marking_refs\":[\"" + Tlp.GREEN.id() + "\"]";

    private AudiencePaging() {
    }

    /** A reader member as the exchange registered it, and its token. */
    record Reader(Member member, String authorization) {

        String identity() {
            return member.identityId();
        }
    }

    /**
     * Creates the readers, fills {@code collection} with {@code objects} indicators over the audiences (4 publishers,
     * envelopes of 1,000), then walks it as three readers of different reach. {@code before} counts the objects the
     * collection held already by their marking ({@link IndicatorEnvelopes#MARKINGS}: none, TLP:GREEN, nation-us).
     */
    static void run(BenchHttp http, String admin, List<Publishers.Publisher> publishers, String collection, long objects,
                    long[] before, int page) throws Exception {
        List<Reader> readers = createReaders(http, admin);
        List<String> audiences = new ArrayList<>();
        audiences.add(GREEN);
        for (SharingGroup group : SharingGroup.values()) {
            audiences.add(",\"object_marking_refs\":[\"" + group.id() + "\"]");
        }
        for (Reader reader : readers) {
            audiences.add(",\"object_marking_refs\":[\"" + Tlp.RED.id() + "\"],\"extensions\":{\""
                    + AudiencePolicy.DISTRIBUTION_EXTENSION_ID + "\":{\"extension_type\":\"property-extension\","
                    + "\"recipients\":[\"" + reader.identity() + "\"]}}");
        }
        long[] tally = new long[audiences.size()];
        ExchangeBenchmark.Shape writers = new ExchangeBenchmark.Shape(4, 1_000);
        List<List<IndicatorEnvelopes.Envelope>> envelopes = writers.envelopes(publishers, objects, audiences, tally);
        IngestLoad.run(http, collection, writers.of(publishers), envelopes).print(String.format(Locale.ROOT,
                "ingest over %d audiences (%s)", audiences.size(), collection));

        // Readers of different reach: a Japanese software company, a Korean agency, a US company of another sector.
        for (String name : List.of("bench-reader-jp-software", "bench-reader-kr-government", "bench-reader-us-other")) {
            Reader reader = readers.stream().filter(r -> r.member().id().value().equals(name)).findFirst().orElseThrow();
            long stored = objects + before[0] + before[1] + before[2];
            long readable = readable(reader, audiences.size(), readers, tally)
                    + before[0] + before[1] + (SharingGroup.NATION_US.includes(reader.member()) ? before[2] : 0);
            Measurement walk = PagingLoad.walk(http, collection, reader.authorization(), page, readable);
            walk.print("paging, " + name.substring("bench-reader-".length()) + " reads "
                    + String.format(Locale.ROOT, "%.1f %%", 100.0 * readable / stored));
            System.out.printf(Locale.ROOT, "  %,d of %,d objects; %.1f rows examined per object received%n", readable,
                    stored, (double) stored / readable);
        }
    }

    /** How many of the objects {@code reader} may read: GREEN, its groups' and those addressed to it as RED. */
    private static long readable(Reader reader, int audiences, List<Reader> readers, long[] tally) {
        long count = tally[0];
        SharingGroup[] groups = SharingGroup.values();
        for (int g = 0; g < groups.length; g++) {
            if (groups[g].includes(reader.member())) {
                count += tally[1 + g];
            }
        }
        count += tally[1 + groups.length + readers.indexOf(reader)];
        if (1 + groups.length + readers.size() != audiences) {
            throw new IllegalStateException("audience list and readers disagree");
        }
        return count;
    }

    private static List<Reader> createReaders(BenchHttp http, String admin) throws Exception {
        List<Reader> readers = new ArrayList<>();
        for (Nation nation : List.of(Nation.US, Nation.JP, Nation.KR)) {
            for (Sector sector : Sector.values()) {
                String member = "bench-reader-" + nation.name().toLowerCase(Locale.ROOT) + "-" + sector.value();
                String identity = http.postJson("/admin/members", admin, "{\"id\":\"" + member + "\",\"name\":\"Benchmark reader "
                        + nation + " " + sector.value() + "\",\"nation\":\"" + nation + "\",\"sector\":\"" + sector.value()
                        + "\",\"roles\":[\"consumer\"],\"subjects\":[{\"issuer\":\"dev\",\"subject\":\"" + member + "\"}]}",
                        201).get("identity_id").asString();
                Instant now = Instant.now();
                readers.add(new Reader(new Member(new MemberId(member), "Benchmark reader", nation, sector, identity,
                        Set.of(Role.CONSUMER), MemberStatus.ACTIVE, List.of(), now, now), http.token(member)));
            }
        }
        return readers;
    }
}
