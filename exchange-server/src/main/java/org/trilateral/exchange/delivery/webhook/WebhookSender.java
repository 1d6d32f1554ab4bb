package org.trilateral.exchange.delivery.webhook;

import io.netty.channel.ChannelOption;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.TrustManagerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.trilateral.exchange.error.Refusal;
import org.trilateral.exchange.ledger.ExchangeSigningKey;
import reactor.core.publisher.Mono;
import reactor.netty.http.Http11SslContextSpec;
import reactor.netty.http.client.HttpClient;

/**
 * POSTs one signed delivery and says how it went. The connection goes only to an address checked when it resolved the
 * host ({@link ConnectionAddressCheck}); redirects are not followed (the address checked is the one delivered to), the
 * answer's body is discarded, and an answer must come within {@code request-timeout}. TLS trusts the CAs of
 * {@link WebhookTrust}.
 */
@Component
class WebhookSender {

    private final WebClient client;
    private final ExchangeSigningKey key;
    private final Clock clock;
    private final WebhookProperties properties;

    WebhookSender(ExchangeSigningKey key, Clock clock, WebhookProperties properties, EndpointAddress addresses) {
        this.key = key;
        this.clock = clock;
        this.properties = properties;
        HttpClient http = HttpClient.create()
                // Every host name is resolved by this check only, which refuses non-public addresses (DNS rebinding).
                .resolver(new ConnectionAddressCheck(addresses))
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE,
                        properties.connectTimeout().toMillis()))
                .responseTimeout(properties.requestTimeout())
                .followRedirect(false);
        Optional<TrustManagerFactory> trust = WebhookTrust.of(properties);
        if (trust.isPresent()) {
            http = http.secure(spec -> spec.sslContext(Http11SslContextSpec.forClient()
                    .configure(builder -> builder.trustManager(trust.get()))));
        }
        this.client = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
    }

    /** How one attempt went. */
    record Attempt(boolean accepted, int status, String error, Optional<Duration> retryAfter) {

        static Attempt failed(String error) {
            return new Attempt(false, 0, error, Optional.empty());
        }
    }

    /** Sends {@code batch} to {@code url}; never fails: a failure is an {@link Attempt} that says why. */
    Mono<Attempt> send(URI url, WebhookBatch batch) {
        byte[] body = batch.body();
        return key.jwsKey().flatMap(signing -> {
            String signature = DeliverySignature.sign(signing, batch.endpointId(), batch.idempotencyKey(), clock.instant(),
                    body);
            return client.post().uri(url)
                    .contentType(MediaType.APPLICATION_JSON)
                    .header(HttpHeaders.USER_AGENT, "trilateral-exchange-webhooks")
                    .header(DeliverySignature.HEADER, signature)
                    .header(DeliverySignature.ENDPOINT_HEADER, batch.endpointId())
                    .header(DeliverySignature.IDEMPOTENCY_HEADER, batch.idempotencyKey())
                    .bodyValue(body)
                    .exchangeToMono(response -> response.releaseBody().then(Mono.fromSupplier(() -> {
                        int status = response.statusCode().value();
                        if (status >= 200 && status < 300) {
                            return new Attempt(true, status, "", Optional.empty());
                        }
                        Optional<Duration> retryAfter = status == 429 || status == 503
                                ? retryAfter(response.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER))
                                : Optional.empty();
                        return new Attempt(false, status, "the endpoint answered " + status, retryAfter);
                    })))
                    .timeout(properties.requestTimeout().plus(properties.connectTimeout()));
        }).onErrorResume(e -> Mono.just(Attempt.failed(describe(e))));
    }

    /** {@code Retry-After} (RFC 9110 §10.2.3): seconds, or an HTTP date. */
    private Optional<Duration> retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.strip();
        try {
            long seconds = Long.parseLong(text);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(clock.instant(),
                        ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return Optional.of(until.isNegative() ? Duration.ZERO : until);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    private static String describe(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof Refusal refused) {
                return "the address was refused: " + refused.getMessage();
            }
        }
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause
                && !(cause instanceof TimeoutException)) {
            cause = cause.getCause();
        }
        if (cause instanceof TimeoutException || cause instanceof io.netty.handler.timeout.ReadTimeoutException) {
            return "no answer in time";
        }
        String message = cause.getMessage();
        return "no answer: " + cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
