package org.trilateral.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trilateral.integrity.checkpoint.NoteSigner;
import org.trilateral.integrity.jcs.JsonCanonicalizer;
import org.trilateral.integrity.jcs.StrictJson;
import org.trilateral.integrity.jws.Base64Url;
import org.trilateral.integrity.jws.SigningKey;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link WebhookVerifier} on deliveries signed as the exchange signs them (docs/delivery.md#webhooks), with the
 * exchange's log key: a valid delivery verifies and gives its events and idempotency key; a tampered body, another
 * key, another endpoint, a changed idempotency key, a stale or future signing time and a missing signature are refused.
 */
class WebhookVerifierTest {

    private static final String ORIGIN = "trilateral-exchange.example/log";
    private static final NoteSigner LOG_KEY = NoteSigner.generate(ORIGIN);
    private static final String ENDPOINT = "6a1f3a0e-3b7e-4b8a-9d52-0f0e5c1d2a33";
    private static final String KEY = ENDPOINT + ":general:40-43";
    private static final Instant NOW = Instant.parse("2026-12-01T05:00:00Z");
    private static final byte[] BODY = ("{\"endpoint\":\"" + ENDPOINT + "\",\"lane\":\"general\",\"from\":40,\"next\":43,"
            + "\"events\":[{\"position\":41,\"kind\":\"deleted\",\"collection\":\"c1\",\"collection_alias\":\"indicators\","
            + "\"id\":\"indicator--0b4f3c1e-2f0a-4a51-9d6b-7c2e1f0a9b8c\",\"type\":\"indicator\","
            + "\"version\":\"2026-01-01T00:00:00.000Z\",\"opening\":{\"log_index\":41}}]}").getBytes(StandardCharsets.UTF_8);

    private final MutableClock clock = new MutableClock(NOW);

    private WebhookVerifier verifier() {
        return WebhookVerifier.builder().logKey(LOG_KEY.verifierKey()).endpoint(ENDPOINT).clock(clock).build();
    }

    @Test
    void verifyWhenSignedByTheExchangeForThisEndpointThenEventsAndIdempotencyKey() {
        String signature = sign(jwsKey(LOG_KEY), ENDPOINT, KEY, NOW.minusSeconds(30), BODY);

        WebhookDelivery delivery = verifier().verify(Map.of("exchange-signature", List.of(signature),
                "IDEMPOTENCY-KEY", List.of(KEY)), BODY);

        assertThat(delivery.idempotencyKey()).isEqualTo(KEY);
        assertThat(delivery.endpoint()).isEqualTo(ENDPOINT);
        assertThat(delivery.lane()).isEqualTo("general");
        assertThat(delivery.from()).isEqualTo(40);
        assertThat(delivery.next()).isEqualTo(43);
        assertThat(delivery.replay()).isFalse();
        assertThat(delivery.signedAt()).isEqualTo(NOW.minusSeconds(30));
        assertThat(delivery.events()).singleElement().satisfies(event -> {
            assertThat(event.kind()).isEqualTo(ChangeEvent.Kind.DELETED);
            assertThat(event.position()).isEqualTo(41);
            assertThat(event.resumeFrom()).isEqualTo(42);
            assertThat(event.object()).isEmpty();
        });
    }

    @Test
    void verifyWhenBodyTamperedThenRejected() {
        String signature = sign(jwsKey(LOG_KEY), ENDPOINT, KEY, NOW, BODY);
        byte[] tampered = new String(BODY, StandardCharsets.UTF_8).replace("\"deleted\"", "\"added\"")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> verifier().verify(signature, KEY, tampered))
                .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("does not verify");
    }

    @Test
    void verifyWhenSignedWithAnotherKeyThenRejected() {
        String signature = sign(jwsKey(NoteSigner.generate(ORIGIN)), ENDPOINT, KEY, NOW, BODY);

        assertThatThrownBy(() -> verifier().verify(signature, KEY, BODY))
                .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("not a pinned exchange key");
    }

    @Test
    void verifyWhenSignedForAnotherEndpointThenRejected() {
        String other = "0d2e7c4b-1a2b-4c3d-8e9f-0a1b2c3d4e5f";
        String signature = sign(jwsKey(LOG_KEY), other, KEY, NOW, BODY);

        assertThatThrownBy(() -> verifier().verify(signature, KEY, BODY))
                .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("signed for webhook");
    }

    @Test
    void verifyWhenIdempotencyKeyIsNotTheSignedOneThenRejected() {
        String signature = sign(jwsKey(LOG_KEY), ENDPOINT, KEY, NOW, BODY);

        assertThatThrownBy(() -> verifier().verify(signature, ENDPOINT + ":general:43-44", BODY))
                .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("Idempotency-Key");
    }

    @Test
    void verifyWhenSignedLongAgoOrInTheFutureThenRejected() {
        String stale = sign(jwsKey(LOG_KEY), ENDPOINT, KEY, NOW.minus(Duration.ofMinutes(6)), BODY);
        String future = sign(jwsKey(LOG_KEY), ENDPOINT, KEY, NOW.plus(Duration.ofMinutes(2)), BODY);

        assertThatThrownBy(() -> verifier().verify(stale, KEY, BODY))
                .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("ago");
        assertThatThrownBy(() -> verifier().verify(future, KEY, BODY))
                .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("future");
        clock.advance(Duration.ofMinutes(2));
        assertThat(verifier().verify(future, KEY, BODY).events()).hasSize(1);
    }

    @Test
    void verifyWhenSignatureMissingOrMalformedThenRejected() {
        assertThatThrownBy(() -> verifier().verify(Map.of("Idempotency-Key", List.of(KEY)), BODY))
                .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("no Exchange-Signature");
        assertThatThrownBy(() -> verifier().verify("not-a-jws", KEY, BODY))
                .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("detached payload");
        String attached = sign(jwsKey(LOG_KEY), ENDPOINT, KEY, NOW, BODY).replace("..", "." + Base64Url.encode(BODY) + ".");
        assertThatThrownBy(() -> verifier().verify(attached, KEY, BODY))
                .isInstanceOf(WebhookVerificationException.class);
    }

    /** The exchange's log key as a JWS key, as the exchange derives it (its Ed25519 seed). */
    static SigningKey jwsKey(NoteSigner signer) {
        String[] parts = signer.format().split("\\+", 5);
        byte[] typed = Base64.getDecoder().decode(parts[4]);
        return SigningKey.ed25519(Arrays.copyOfRange(typed, 1, typed.length));
    }

    /** A delivery's signature as the exchange makes it (RFC 7515 Appendix F, detached payload). */
    static String sign(SigningKey key, String endpoint, String idempotencyKey, Instant at, byte[] body) {
        ObjectNode header = StrictJson.mapper().createObjectNode();
        header.put("alg", "EdDSA");
        header.put("kid", key.kid());
        header.put("typ", "exchange-webhook+jws");
        header.put("iat", at.getEpochSecond());
        header.put("webhook", endpoint);
        header.put("idempotency_key", idempotencyKey);
        String encoded = Base64Url.encode(JsonCanonicalizer.canonicalize(header));
        byte[] input = (encoded + "." + Base64Url.encode(body)).getBytes(StandardCharsets.US_ASCII);
        return encoded + ".." + Base64Url.encode(key.sign(input));
    }
}
