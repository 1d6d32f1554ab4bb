package org.trilateral.integrity.jws;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DetachedJwsTest {

    @Test
    void signingInputWhenRfc7797Section4ExampleThenHeaderDotUnencodedPayload() {
        // RFC 7797 §4.2: header {"alg":"HS256","b64":false,"crit":["b64"]}, payload "$.02" left unencoded.
        String header = Base64Url.encode("{\"alg\":\"HS256\",\"b64\":false,\"crit\":[\"b64\"]}"
                .getBytes(StandardCharsets.UTF_8));

        byte[] input = DetachedJws.signingInput(header, "$.02".getBytes(StandardCharsets.US_ASCII));

        assertThat(header).isEqualTo("eyJhbGciOiJIUzI1NiIsImI2NCI6ZmFsc2UsImNyaXQiOlsiYjY0Il19");
        assertThat(new String(input, StandardCharsets.US_ASCII))
                .isEqualTo("eyJhbGciOiJIUzI1NiIsImI2NCI6ZmFsc2UsImNyaXQiOlsiYjY0Il19.$.02");
    }

    @Test
    void protectedHeaderWhenEs256ThenCanonicalMembersWithB64Critical() {
        String header = DetachedJws.protectedHeader(JwsAlgorithm.ES256, "abc");

        assertThat(new String(Base64Url.decode(header, "header"), StandardCharsets.UTF_8))
                .isEqualTo("{\"alg\":\"ES256\",\"b64\":false,\"crit\":[\"b64\"],\"kid\":\"abc\"}");
    }
}
