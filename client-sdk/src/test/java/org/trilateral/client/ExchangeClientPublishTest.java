package org.trilateral.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trilateral.integrity.jws.SigningKey;
import org.trilateral.taxonomy.extension.ExchangeExtensions;
import org.trilateral.taxonomy.marking.Tlp;
import org.trilateral.taxonomy.signature.ObjectSigner;
import org.trilateral.taxonomy.stix.StixJson;
import org.trilateral.taxonomy.vocabulary.IndicatorKind;
import tools.jackson.databind.node.ObjectNode;

/** Envelopes within the server's max_content_length, and a pending status waited for. */
class ExchangeClientPublishTest {

    private static final String OBJECTS = "/trilateral/collections/indicators/objects/";
    private static final String STATUS_ID = "2d086da7-4bdc-4f91-900e-d77486753710";
    private static final SigningKey KEY = SigningKey.generate();

    private WireMockServer server;
    private RecordingSleeper sleeper;

    @BeforeEach
    void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        sleeper = new RecordingSleeper();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private ExchangeClient client() {
        return ExchangeClient.builder().baseUrl(URI.create(server.baseUrl())).signingKey(KEY).sleeper(sleeper)
                .statusPolling(Duration.ofMillis(250), Duration.ofMinutes(1)).build();
    }

    private static List<ObjectNode> indicators(int count) {
        return IntStream.range(0, count).mapToObj(i -> TestObjects.indicators()
                .ip("192.0.2." + i, IndicatorKind.VPN_EXIT, Tlp.GREEN)).toList();
    }

    private static int signedSize(ObjectNode object) {
        return StixJson.mapper().writeValueAsBytes(
                new ObjectSigner(ExchangeExtensions.OBJECT_SIGNATURE_ID, KEY).sign(object.deepCopy())).length;
    }

    private void serveRoot(long maxContentLength) {
        server.stubFor(get(urlPathEqualTo("/trilateral/")).willReturn(okJson(
                "{\"title\":\"T\",\"versions\":[],\"max_content_length\":" + maxContentLength + "}")));
    }

    private static String complete(List<ObjectNode> objects) {
        StringBuilder successes = new StringBuilder();
        for (ObjectNode object : objects) {
            successes.append(successes.isEmpty() ? "" : ",").append("{\"id\":\"").append(object.get("id").asString())
                    .append("\",\"version\":\"").append(object.get("modified").asString()).append("\",\"log_index\":7}");
        }
        return "{\"id\":\"" + STATUS_ID + "\",\"status\":\"complete\",\"successes\":[" + successes + "],\"failures\":[],\"pendings\":[]}";
    }

    @Test
    void publishWhenObjectsExceedMaxContentLengthThenSplitIntoEnvelopesThatFit() {
        List<ObjectNode> objects = indicators(3);
        int size = signedSize(objects.get(0));
        long limit = 2L * size + 40; // two objects and the envelope fit, three do not
        serveRoot(limit);
        server.stubFor(post(urlPathEqualTo(OBJECTS)).willReturn(aResponse().withStatus(202).withBody(complete(objects))));

        PublishResult result = client().publish("indicators", objects);

        List<LoggedRequest> posts = server.findAll(postRequestedFor(urlPathEqualTo(OBJECTS)));
        assertThat(posts).hasSize(2);
        assertThat(posts).allSatisfy(p -> assertThat(p.getBody().length).isLessThanOrEqualTo((int) limit));
        assertThat(posts.get(0).getHeader("Content-Type")).isEqualTo("application/taxii+json;version=2.1");
        assertThat(result.results()).hasSize(3).allMatch(ObjectResult::accepted);
        assertThat(result.results().get(0).logIndex()).hasValue(7);
    }

    @Test
    void publishWhenOneObjectAloneExceedsTheLimitThenRefusedLocallyAndOthersSent() {
        List<ObjectNode> objects = indicators(2);
        objects.get(1).put("description", "x".repeat(5000));
        serveRoot(signedSize(objects.get(0)) + 100L);
        server.stubFor(post(urlPathEqualTo(OBJECTS)).willReturn(aResponse().withStatus(202).withBody(complete(objects.subList(0, 1)))));

        PublishResult result = client().publish("indicators", objects);

        assertThat(result.results()).extracting(ObjectResult::outcome)
                .containsExactly(ObjectResult.Outcome.ACCEPTED, ObjectResult.Outcome.REFUSED);
        assertThat(result.refused().get(0).message()).contains("max_content_length");
        server.verify(1, postRequestedFor(urlPathEqualTo(OBJECTS)));
    }

    @Test
    void publishWhenStatusPendingThenAsksAgainUntilComplete() {
        List<ObjectNode> objects = indicators(1);
        serveRoot(10_000_000);
        server.stubFor(post(urlPathEqualTo(OBJECTS)).willReturn(aResponse().withStatus(202).withBody(
                "{\"id\":\"" + STATUS_ID + "\",\"status\":\"pending\",\"successes\":[],\"failures\":[],\"pendings\":[{\"id\":\""
                        + objects.get(0).get("id").asString() + "\"}]}")));
        server.stubFor(get(urlPathEqualTo("/trilateral/status/" + STATUS_ID + "/"))
                .withHeader("Accept", equalTo("application/taxii+json;version=2.1"))
                .willReturn(okJson(complete(objects))));

        PublishResult result = client().publish("indicators", objects);

        assertThat(result.allAccepted()).isTrue();
        assertThat(sleeper.waits).containsExactly(Duration.ofMillis(250));
    }
}
