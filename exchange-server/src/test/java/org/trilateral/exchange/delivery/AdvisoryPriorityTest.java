package org.trilateral.exchange.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.reactive.function.client.WebClient;
import org.trilateral.exchange.member.Nation;
import org.trilateral.exchange.member.Role;
import org.trilateral.exchange.support.ExchangeIntegrationTest;
import org.trilateral.exchange.support.TestStix;
import org.trilateral.exchange.taxii.Taxii;
import org.trilateral.taxonomy.marking.Tlp;
import org.trilateral.taxonomy.stix.StixJson;
import org.trilateral.taxonomy.vocabulary.Sector;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Advisories first (docs/delivery.md): a subscriber with a backlog of indicators receives an advisory published after
 * them before them, and a reconnection with the last event id it saw (which then names both lanes) delivers the rest of
 * the backlog once each, the advisory not again. Small pages (5) so that the backlog takes several reads.
 */
@TestPropertySource(properties = {"exchange.delivery.page-size=5", "exchange.delivery.heartbeat=1s"})
class AdvisoryPriorityTest extends ExchangeIntegrationTest {

    private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
    };

    @Test
    void streamWhenAdvisoryPublishedBehindABacklogThenItComesFirstAndAReconnectionDeliversTheRestOnceEach() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        TestMember publisher = register("kr-pub-" + suffix, Nation.KR, Sector.GOVERNMENT, Role.CONSUMER, Role.PUBLISHER);
        TestMember agency = register("us-agency-" + suffix, Nation.US, Sector.GOVERNMENT, Role.CONSUMER,
                Role.ADVISORY_ISSUER);
        TestMember subscriber = register("jp-sub-" + suffix, Nation.JP, Sector.GOVERNMENT, Role.CONSUMER);

        List<ObjectNode> backlog = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            backlog.add(marked(TestStix.indicator(), publisher));
        }
        List<Long> indicatorPositions = positions(publisher.taxii().publish(Taxii.INDICATORS, TestStix.envelope(backlog)));
        ObjectNode advisoryIndicator = marked(TestStix.indicator(), agency);
        ObjectNode report = marked(StixJson.mapper().createObjectNode(), agency)
                .put("type", "report").put("spec_version", "2.1").put("id", "report--" + UUID.randomUUID())
                .put("created", TestStix.CREATED).put("modified", TestStix.CREATED).put("name", "Advisory")
                .put("published", TestStix.CREATED);
        report.putArray("object_refs").add(advisoryIndicator.get("id").stringValue());
        List<Long> advisoryPositions = positions(agency.taxii().publish(Taxii.ADVISORIES,
                TestStix.envelope(report, advisoryIndicator)));
        long from = indicatorPositions.get(0);

        List<ServerSentEvent<String>> first = changes(subscriber, "/changes/stream?from=" + from, null, 12);

        assertThat(position(first.get(0))).isEqualTo(advisoryPositions.get(0));
        assertThat(position(first.get(1))).isEqualTo(advisoryPositions.get(1));
        assertThat(first.get(1).id()).as("both lanes in the id while the advisory lane is ahead")
                .isEqualTo(from + ":" + (advisoryPositions.get(1) + 1));
        assertThat(first.subList(2, 12)).extracting(AdvisoryPriorityTest::position)
                .containsExactlyElementsOf(indicatorPositions.subList(0, 10));

        List<ServerSentEvent<String>> rest = changes(subscriber, "/changes/stream?from=0", first.get(11).id(), 30);

        assertThat(rest).extracting(AdvisoryPriorityTest::position)
                .containsExactlyElementsOf(indicatorPositions.subList(10, 40));
        // The main lane has not passed the advisories' positions yet; the next move past them makes the id one number.
        assertThat(rest.get(29).id()).isEqualTo((indicatorPositions.get(39) + 1) + ":" + (advisoryPositions.get(1) + 1));
    }

    private static ObjectNode marked(ObjectNode object, TestMember member) {
        object.put("created_by_ref", member.identityId());
        object.putArray("object_marking_refs").add(Tlp.GREEN.id());
        return object;
    }

    private static List<Long> positions(JsonNode status) {
        assertThat(status.get("failure_count").intValue()).as(status.toString()).isZero();
        List<Long> positions = new ArrayList<>();
        status.get("successes").forEach(s -> positions.add(s.get("log_index").longValue()));
        return positions.stream().sorted().toList();
    }

    private List<ServerSentEvent<String>> changes(TestMember member, String path, String lastEventId, int count) {
        WebClient.RequestHeadersSpec<?> request = WebClient.create(baseUrl()).get().uri(path)
                .header("Authorization", "Bearer " + testIssuer().token(member.id()));
        if (lastEventId != null) {
            request = request.header("Last-Event-ID", lastEventId);
        }
        return request.retrieve().bodyToFlux(SSE).filter(e -> "added".equals(e.event())).take(count)
                .collectList().block(Duration.ofSeconds(60));
    }

    private static long position(ServerSentEvent<String> event) {
        return TestStix.parse(event.data()).get("position").longValue();
    }
}
