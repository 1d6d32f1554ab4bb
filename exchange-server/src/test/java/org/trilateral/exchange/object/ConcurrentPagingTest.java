package org.trilateral.exchange.object;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.trilateral.exchange.support.ExchangeIntegrationTest;
import org.trilateral.exchange.support.TestStix;
import org.trilateral.exchange.taxii.Taxii;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Gap-free paging (TAXII 2.1 §3.4): a reader that follows {@code next} while several writers publish sees every
 * object exactly once, whether it pages with {@code next} or with {@code added_after} and the
 * {@code X-TAXII-Date-Added-Last} header.
 */
class ConcurrentPagingTest extends ExchangeIntegrationTest {

    private static final String C = Taxii.ROOT + "collections/indicators/";

    @Test
    void pagingWhenWritersPublishConcurrentlyThenEveryObjectSeenExactlyOnce() throws Exception {
        Taxii taxii = new Taxii(client());
        Set<String> published = java.util.concurrent.ConcurrentHashMap.newKeySet();
        List<ObjectNode> initial = batch(40);
        taxii.publish(C, TestStix.envelope(initial));
        initial.forEach(o -> published.add(o.get("id").asString()));

        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService writers = Executors.newFixedThreadPool(3);
        List<Future<?>> tasks = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            tasks.add(writers.submit(() -> {
                Taxii writer = new Taxii(client());
                for (int i = 0; i < 15; i++) {
                    List<ObjectNode> objects = batch(7);
                    writer.publish(C, TestStix.envelope(objects));
                    objects.forEach(o -> published.add(o.get("id").asString()));
                }
                return null;
            }));
        }

        List<String> seenByNext = new ArrayList<>();
        List<String> seenByAddedAfter = new ArrayList<>();
        String next = null;
        String addedAfter = null;
        boolean done = false;
        int rounds = 0;
        while (!done) {
            assertThat(++rounds).as("reader rounds before catching up with the writers").isLessThan(2_000);
            boolean writersFinished = tasks.stream().allMatch(Future::isDone);
            JsonNode page = taxii.getJson(C + "objects/?limit=9" + (next == null ? "" : "&next=" + next));
            collect(page, seenByNext);
            if (page.has("next")) {
                next = page.get("next").asString();
            }
            var result = taxii.get(C + "objects/?limit=9" + (addedAfter == null ? "" : "&added_after=" + addedAfter))
                    .expectStatus().isOk().expectBody().returnResult();
            JsonNode byTime = TestStix.parse(new String(result.getResponseBody(), java.nio.charset.StandardCharsets.UTF_8));
            collect(byTime, seenByAddedAfter);
            String last = result.getResponseHeaders().getFirst("X-TAXII-Date-Added-Last");
            if (last != null) {
                addedAfter = last;
            }
            done = writersFinished && !page.get("more").asBoolean() && !byTime.get("more").asBoolean()
                    && !page.has("objects") && !byTime.has("objects");
        }
        for (Future<?> task : tasks) {
            task.get(1, TimeUnit.MINUTES);
        }
        writers.shutdown();

        assertThat(published).hasSize(40 + 3 * 15 * 7);
        assertThat(seenByNext).doesNotHaveDuplicates();
        assertThat(new HashSet<>(seenByNext)).isEqualTo(published);
        assertThat(seenByAddedAfter).doesNotHaveDuplicates();
        assertThat(new HashSet<>(seenByAddedAfter)).isEqualTo(published);
    }

    private static void collect(JsonNode page, List<String> seen) {
        if (page.has("objects")) {
            page.get("objects").forEach(o -> seen.add(o.get("id").asString()));
        }
    }

    private static List<ObjectNode> batch(int size) {
        List<ObjectNode> objects = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            objects.add(TestStix.indicator());
        }
        return objects;
    }
}
