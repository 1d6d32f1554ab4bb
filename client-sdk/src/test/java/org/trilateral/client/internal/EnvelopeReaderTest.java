package org.trilateral.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.trilateral.client.ServerException;

class EnvelopeReaderTest {

    private static final URI FROM = URI.create("http://exchange.test/objects/");

    private static EnvelopeReader.Envelope read(String body) {
        return EnvelopeReader.read(body.getBytes(StandardCharsets.UTF_8), FROM);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void readWhenCompactThenEachObjectTheExactBytesSent() {
        EnvelopeReader.Envelope envelope = read("{\"objects\":[{\"id\":\"a\",\"n\":1.10,\"s\":\"caf\u00e9 {]\"},"
                + " {\"id\":\"b\",\"x\":[1,{\"y\":null}]}],\"more\":true,\"next\":\"n1\",\"extra\":{\"k\":[1]}}");

        assertThat(envelope.objects()).extracting(EnvelopeReaderTest::text)
                .containsExactly("{\"id\":\"a\",\"n\":1.10,\"s\":\"caf\u00e9 {]\"}", "{\"id\":\"b\",\"x\":[1,{\"y\":null}]}");
        assertThat(envelope.more()).isTrue();
        assertThat(envelope.next()).isEqualTo("n1");
    }

    @Test
    void readWhenPrettyPrintedThenEachObjectOnOneLine() {
        EnvelopeReader.Envelope envelope = read("{\n  \"objects\": [\n    {\n      \"id\": \"a\",\n      \"n\": 1.10\n    }\n  ]\n}");

        assertThat(text(envelope.objects().get(0))).isEqualTo("{\"id\":\"a\",\"n\":1.10}");
        assertThat(envelope.more()).isFalse();
        assertThat(envelope.next()).isNull();
    }

    @Test
    void readWhenNoObjectsThenEmpty() {
        assertThat(read("{\"more\":false}").objects()).isEmpty();
    }

    @Test
    void readWhenDuplicateMemberInAnObjectThenServerException() {
        assertThatThrownBy(() -> read("{\"objects\":[{\"id\":\"a\",\"id\":\"b\"}]}"))
                .isInstanceOf(ServerException.class).hasMessageContaining("not valid JSON");
    }

    @Test
    void readWhenTrailingContentThenServerException() {
        assertThatThrownBy(() -> read("{\"objects\":[]} {}")).isInstanceOf(ServerException.class);
    }

    @Test
    void readWhenNotAnObjectThenServerException() {
        assertThatThrownBy(() -> read("[]")).isInstanceOf(ServerException.class).hasMessageContaining("is not a JSON object");
        assertThatThrownBy(() -> read("{\"objects\":{}}")).isInstanceOf(ServerException.class)
                .hasMessageContaining("not an array");
    }
}
