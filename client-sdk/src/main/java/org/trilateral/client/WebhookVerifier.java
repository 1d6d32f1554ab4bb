package org.trilateral.client;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.trilateral.integrity.checkpoint.NoteVerifierKey;
import org.trilateral.integrity.jws.Base64Url;
import org.trilateral.integrity.jws.Jwk;
import org.trilateral.taxonomy.stix.StixJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Verifies webhook deliveries for a member's HTTP endpoint (docs/sdk.md#webhooks-verify-a-delivery): the request's
 * {@code Exchange-Signature} is a JWS with a detached payload (RFC 7515 Appendix F) by the exchange's own Ed25519
 * key, the log key this client already pins to verify checkpoints; its protected header names this endpoint, the
 * request's {@code Idempotency-Key} and a signing time no older than {@code maxAge}. Then the events are parsed, and,
 * given a client with a trust policy, each change is verified against the log exactly as
 * {@link ReactiveExchangeClient#subscribe} does. Immutable and thread-safe.
 *
 * <pre>{@code
 * WebhookVerifier verifier = WebhookVerifier.builder().logKey(pinnedLogKey).endpoint(webhookId).client(client).build();
 * WebhookDelivery delivery = verifier.verify(requestHeaders, requestBody);   // throws WebhookVerificationException
 * if (!seen(delivery.idempotencyKey())) { handle(delivery.events()); }
 * }</pre>
 */
public final class WebhookVerifier {

    /** The header that carries the signature. */
    public static final String SIGNATURE_HEADER = "Exchange-Signature";
    /** The header that carries the idempotency key. */
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    private static final String TYPE = "exchange-webhook+jws";

    private final List<Jwk> keys;
    private final String endpoint;
    private final Duration maxAge;
    private final Duration clockSkew;
    private final Clock clock;
    private final ExchangeClient client;

    private WebhookVerifier(Builder builder) {
        if (builder.logKeys.isEmpty()) {
            throw new IllegalStateException("a webhook verifier needs the exchange's log key (logKey or trust)");
        }
        this.keys = builder.logKeys.stream().map(key -> Jwk.ed25519(key.publicKey())).toList();
        this.endpoint = Objects.requireNonNull(builder.endpoint, "endpoint: the webhook's id");
        this.maxAge = builder.maxAge;
        this.clockSkew = builder.clockSkew;
        this.clock = builder.clock;
        this.client = builder.client;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Verifies a delivery given the request's headers (names in any case) and its body exactly as received.
     *
     * @throws WebhookVerificationException naming what does not verify
     */
    public WebhookDelivery verify(Map<String, ? extends List<String>> headers, byte[] body) {
        return verify(header(headers, SIGNATURE_HEADER), header(headers, IDEMPOTENCY_HEADER), body);
    }

    /**
     * Verifies a delivery given its {@code Exchange-Signature} and {@code Idempotency-Key} headers and its body
     * exactly as received.
     *
     * @throws WebhookVerificationException naming what does not verify
     */
    public WebhookDelivery verify(String signature, String idempotencyKey, byte[] body) {
        if (signature == null || signature.isBlank()) {
            throw new WebhookVerificationException("the request has no " + SIGNATURE_HEADER + " header");
        }
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new WebhookVerificationException("the request has no " + IDEMPOTENCY_HEADER + " header");
        }
        String[] parts = signature.strip().split("\\.", -1);
        if (parts.length != 3 || !parts[1].isEmpty()) {
            throw new WebhookVerificationException(SIGNATURE_HEADER + " is not a JWS with a detached payload"
                    + " (<protected>..<signature>)");
        }
        JsonNode header;
        byte[] signatureBytes;
        try {
            header = StixJson.mapper().readTree(new String(Base64Url.decode(parts[0], "the protected header"),
                    StandardCharsets.UTF_8));
            signatureBytes = Base64Url.decode(parts[2], "the signature");
        } catch (IllegalArgumentException | JacksonException e) {
            throw new WebhookVerificationException(SIGNATURE_HEADER + " is malformed: " + e.getMessage());
        }
        if (!header.isObject() || !"EdDSA".equals(header.path("alg").asString(""))) {
            throw new WebhookVerificationException("the signature's alg is " + header.path("alg") + ", not EdDSA");
        }
        if (!TYPE.equals(header.path("typ").asString(""))) {
            throw new WebhookVerificationException("the signature's typ is " + header.path("typ") + ", not " + TYPE);
        }
        String kid = header.path("kid").asString("");
        Jwk key = keys.stream().filter(k -> k.thumbprint().equals(kid)).findFirst()
                .orElseThrow(() -> new WebhookVerificationException("the delivery is signed with key " + kid
                        + ", which is not a pinned exchange key"));
        byte[] input = (parts[0] + "." + Base64Url.encode(body)).getBytes(StandardCharsets.US_ASCII);
        if (!key.verify(input, signatureBytes)) {
            throw new WebhookVerificationException("the signature does not verify: the body or its header was changed");
        }
        // Signed: now the header's claims can be trusted, and must fit this endpoint and this request.
        if (!endpoint.equals(header.path("webhook").asString(""))) {
            throw new WebhookVerificationException("the delivery was signed for webhook " + header.path("webhook")
                    + ", not this endpoint's " + endpoint);
        }
        if (!idempotencyKey.strip().equals(header.path("idempotency_key").asString(""))) {
            throw new WebhookVerificationException("the " + IDEMPOTENCY_HEADER + " header is not the one signed");
        }
        if (!header.path("iat").canConvertToLong()) {
            throw new WebhookVerificationException("the signature has no iat (signing time)");
        }
        Instant signedAt = Instant.ofEpochSecond(header.path("iat").asLong());
        Instant now = clock.instant();
        if (signedAt.isBefore(now.minus(maxAge))) {
            throw new WebhookVerificationException("the delivery was signed at " + signedAt + ", more than " + maxAge
                    + " ago: a replay, or a clock far off");
        }
        if (signedAt.isAfter(now.plus(clockSkew))) {
            throw new WebhookVerificationException("the delivery was signed at " + signedAt + ", in the future");
        }
        return parse(body, idempotencyKey.strip(), signedAt);
    }

    private WebhookDelivery parse(byte[] body, String idempotencyKey, Instant signedAt) {
        JsonNode json;
        try {
            json = StixJson.mapper().readTree(new String(body, StandardCharsets.UTF_8));
        } catch (JacksonException e) {
            throw new WebhookVerificationException("the delivery's body is not JSON: " + e.getOriginalMessage());
        }
        if (!json.isObject() || !json.path("events").isArray() || !endpoint.equals(json.path("endpoint").asString(""))) {
            throw new WebhookVerificationException("the delivery's body is not a delivery to this endpoint");
        }
        List<ChangeEvent> events = new ArrayList<>();
        for (JsonNode data : json.get("events")) {
            ChangeEvent event = ChangeEvent.parse(data, data.get("position").longValue() + 1, null);
            if (client != null) {
                // As subscribe does: an object by its signature and log entry, a deletion or expiry by its opening.
                event = client.verify(event);
            }
            events.add(event);
        }
        return new WebhookDelivery(endpoint, idempotencyKey, json.path("lane").asString(""), json.path("from").asLong(),
                json.path("next").asLong(), json.path("replay").asBoolean(false), signedAt, events);
    }

    private static String header(Map<String, ? extends List<String>> headers, String name) {
        for (Map.Entry<String, ? extends List<String>> entry : headers.entrySet()) {
            if (entry.getKey() != null && entry.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))
                    && entry.getValue() != null && !entry.getValue().isEmpty()) {
                return entry.getValue().get(0);
            }
        }
        return null;
    }

    /** Settings of a {@link WebhookVerifier}. */
    public static final class Builder {

        private final List<NoteVerifierKey> logKeys = new ArrayList<>();
        private String endpoint;
        private Duration maxAge = Duration.ofMinutes(5);
        private Duration clockSkew = Duration.ofMinutes(1);
        private Clock clock = Clock.systemUTC();
        private ExchangeClient client;

        private Builder() {
        }

        /** A pinned log key of the exchange (its checkpoint key), which also signs its deliveries. */
        public Builder logKey(NoteVerifierKey key) {
            logKeys.add(Objects.requireNonNull(key, "key"));
            return this;
        }

        /** The log keys the trust policy pins. */
        public Builder trust(TrustPolicy policy) {
            logKeys.addAll(policy.logKeys());
            return this;
        }

        /** The id of the webhook this endpoint was registered as (the {@code id} of {@code POST /webhooks}). */
        public Builder endpoint(String webhookId) {
            this.endpoint = Objects.requireNonNull(webhookId, "webhookId");
            return this;
        }

        /**
         * How long after signing a delivery is accepted (default 5 minutes). The exchange signs each attempt when it
         * sends it, so only a delivery held back or replayed by someone else gets older.
         */
        public Builder maxAge(Duration maxAge) {
            if (maxAge.isNegative() || maxAge.isZero()) {
                throw new IllegalArgumentException("maxAge must be positive");
            }
            this.maxAge = maxAge;
            return this;
        }

        /** How far in the future a signing time may be, for clocks that differ (default 1 minute). */
        public Builder clockSkew(Duration skew) {
            this.clockSkew = Objects.requireNonNull(skew, "skew");
            return this;
        }

        /** The clock freshness is judged by (default the system's UTC clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * A client whose trust policy verifies each delivered object against the log, as {@code subscribe} does;
         * without one, events are parsed but their objects are not verified.
         */
        public Builder client(ExchangeClient client) {
            this.client = client;
            return this;
        }

        public WebhookVerifier build() {
            return new WebhookVerifier(this);
        }
    }
}
