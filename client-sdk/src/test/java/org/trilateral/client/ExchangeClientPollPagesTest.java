package org.trilateral.client;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Paging a page at a time (WireMock): objects kept as sent, the durable cursor saved once per page, after it is done. */
class ExchangeClientPollPagesTest {

    private static final String OBJECTS = "/trilateral/collections/indicators/objects/";
    private static final String A = "{\"type\":\"indicator\", \"id\":\"indicator--a\",\"modified\":\"2026-01-01T00:00:00.000Z\",\"confidence\":1.10}";
    private static final String B = "{\"type\":\"indicator\",\"id\":\"indicator--b\",\"modified\":\"2026-01-01T00:00:00.000Z\"}";
    private static final String C = "{\"type\":\"indicator\",\"id\":\"indicator--c\",\"modified\":\"2026-01-01T00:00:00.000Z\"}";
    private static final String D = "{\"type\":\"indicator\",\"id\":\"indicator--d\",\"modified\":\"2026-01-01T00:00:00.000Z\"}";

    private WireMockServer server;
    private final RecordingCursors cursors = new RecordingCursors();

    @BeforeEach
    void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    /** Three pages: [A, B] next p2, [C] next p3, [D] without a next (a server that gives none on its last page). */
    private void threePages() {
        server.stubFor(get(urlPathEqualTo(OBJECTS)).willReturn(okJson("{\"more\":true,\"next\":\"p2\",\"objects\":[" + A + ",\n" + B + "]}")));
        server.stubFor(get(urlPathEqualTo(OBJECTS)).withQueryParam("next", equalTo("p2"))
                .willReturn(okJson("{\"objects\":[" + C + "],\"more\":true,\"next\":\"p3\"}")));
        server.stubFor(get(urlPathEqualTo(OBJECTS)).withQueryParam("next", equalTo("p3"))
                .willReturn(okJson("{\"objects\":[" + D + "],\"more\":false}")));
    }

    private ExchangeClient client() {
        return ExchangeClient.builder().baseUrl(URI.create(server.baseUrl())).credentials(Credentials.bearer("dev-token"))
                .retryPolicy(RetryPolicy.none()).cursorStore(cursors).build();
    }

    private static String lines(ObjectPage page) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        page.writeJsonLines(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void pollPagesWhenThreePagesThenEachObjectWrittenAsSentOnOneLine() throws Exception {
        threePages();

        List<String> written = new ArrayList<>();
        for (ObjectPage page : client().pollPages(PollRequest.of("indicators").withPageSize(10_000), 1)) {
            written.add(lines(page));
        }

        assertThat(written).containsExactly(A + "\n" + B + "\n", C + "\n", D + "\n");
        server.verify(getRequestedFor(urlPathEqualTo(OBJECTS)).withQueryParam("limit", equalTo("10000")));
    }

    @Test
    void pollPagesWhenCursorThenSavedOncePerPageOnlyWhenTheNextPageIsAskedFor() {
        threePages();
        Iterator<ObjectPage> pages = client().pollPages(PollRequest.of("indicators").withCursor("job"), 1).iterator();

        assertThat(pages.next().size()).isEqualTo(2);
        assertThat(cursors.saves).as("the first page is not done yet").isEmpty();
        assertThat(pages.hasNext()).isTrue();
        assertThat(cursors.saves).containsExactly("poll-position/1\np2\n\n\n0");
        pages.next();
        pages.next();
        assertThat(pages.hasNext()).isFalse();

        assertThat(cursors.saves).hasSize(3);
        assertThat(cursors.saves.get(2)).as("no next on the last page: the position of its last object")
                .isEqualTo("poll-position/1\np3\nindicator--d\n2026-01-01T00:00:00.000Z\n1");
    }

    @Test
    void pollPagesWhenRestartedAfterTheLastPageThenNothingTwice() {
        threePages();
        client().pollPages(PollRequest.of("indicators").withCursor("job"), 0).forEach(page -> { });

        List<ObjectPage> again = new ArrayList<>();
        client().pollPages(PollRequest.of("indicators").withCursor("job"), 0).forEach(again::add);

        assertThat(again).hasSize(1);
        assertThat(again.get(0).size()).isZero();
    }

    @Test
    void pollPagesWhenCursorHoldsAPositionInsideAPageThenResumesAfterTheLastObjectDone() {
        threePages();
        cursors.save("job", "poll-position/1\n\nindicator--a\n2026-01-01T00:00:00.000Z\n1");

        List<String> ids = new ArrayList<>();
        client().pollPages(PollRequest.of("indicators").withCursor("job"), 1)
                .forEach(page -> page.trees().forEach(o -> ids.add(o.path("id").asString())));

        assertThat(ids).containsExactly("indicator--b", "indicator--c", "indicator--d");
    }

    @Test
    void pollPagesWhenEnvelopeHoldsANonObjectThenServerException() {
        server.stubFor(get(urlPathEqualTo(OBJECTS)).willReturn(okJson("{\"more\":false,\"objects\":[\"indicator--a\"]}")));

        assertThatThrownBy(() -> client().pollPages(PollRequest.of("indicators"), 1).iterator().next())
                .isInstanceOf(ServerException.class)
                .hasMessageContaining("not a JSON object");
    }

    @Test
    void pollPagesWhenMoreWithoutNextThenServerException() {
        server.stubFor(get(urlPathEqualTo(OBJECTS)).willReturn(okJson("{\"more\":true,\"objects\":[" + A + "]}")));

        assertThatThrownBy(() -> client().pollPages(PollRequest.of("indicators"), 0).iterator().next())
                .isInstanceOf(ServerException.class)
                .hasMessageContaining("gives no next");
    }

    /** Keeps every save, in order. */
    private static final class RecordingCursors implements CursorStore {
        final List<String> saves = new ArrayList<>();
        private final Map<String, String> stored = new HashMap<>();

        @Override
        public synchronized Optional<String> load(String name) {
            return Optional.ofNullable(stored.get(name));
        }

        @Override
        public synchronized void save(String name, String next) {
            stored.put(name, next);
            saves.add(next);
        }
    }
}
