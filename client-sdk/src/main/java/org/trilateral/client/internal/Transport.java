package org.trilateral.client.internal;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import org.trilateral.client.ExchangeException;
import org.trilateral.client.NetworkException;
import org.trilateral.client.RetryPolicy;
import org.trilateral.client.Sleeper;

/**
 * Sends {@link HttpCall}s: adds the access token, applies the request timeout, retries what may pass and turns
 * every other failure into the exception of its kind. Thread-safe.
 */
public final class Transport {

    private final HttpClient http;
    private final Duration requestTimeout;
    private final RetryPolicy retryPolicy;
    private final Sleeper sleeper;
    private final Clock clock;
    private final DoubleSupplier random;
    private final TokenSource tokens;
    private final String userAgent;

    /**
     * @param tokens the token source, or null to send no Authorization header
     */
    public Transport(HttpClient http, Duration requestTimeout, RetryPolicy retryPolicy, Sleeper sleeper, Clock clock,
                     DoubleSupplier random, TokenSource tokens, String userAgent) {
        this.http = Objects.requireNonNull(http, "http");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.tokens = tokens;
        this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
    }

    /** This transport with another token source (the token endpoint itself is called without one). */
    public Transport withTokens(TokenSource tokenSource) {
        return new Transport(http, requestTimeout, retryPolicy, sleeper, clock, random, tokenSource, userAgent);
    }

    /** The clock this transport uses. */
    public Clock clock() {
        return clock;
    }

    /** The sleeper this transport uses. */
    public Sleeper sleeper() {
        return sleeper;
    }

    /**
     * Sends {@code call} until it succeeds, fails for good, or the retry policy is spent. A 401 on an authenticated
     * call makes the token source renew its token once and the call is repeated with the new one (a token that
     * expired mid-poll).
     *
     * @throws ExchangeException of the failure's kind
     */
    public HttpResult send(HttpCall call) {
        return send(call, true);
    }

    /**
     * {@link #send}, for a call that must not take effect twice (a registration that creates something new): it is
     * repeated only when the request cannot have been acted on: the connection was refused, or the exchange answered
     * 429 or 503 (RFC 9110 §15.6.4: not handled; come back later). A timeout, a broken connection or a 502/504 from a
     * gateway may come after the exchange acted, so it is reported, not repeated.
     *
     * @throws ExchangeException of the failure's kind
     */
    public HttpResult sendOnce(HttpCall call) {
        return send(call, false);
    }

    private HttpResult send(HttpCall call, boolean repeatable) {
        boolean renewedToken = false;
        int attempt = 0;
        while (true) {
            attempt++;
            String token = call.authenticated() && tokens != null ? tokens.token() : null;
            HttpResponse<byte[]> response;
            try {
                response = http.send(request(call, token), HttpResponse.BodyHandlers.ofByteArray());
            } catch (HttpTimeoutException e) {
                if (repeatable && attempt < retryPolicy.maxAttempts()) {
                    pause(retryPolicy.backoff(attempt, random.getAsDouble()), call);
                    continue;
                }
                throw new NetworkException(call.method() + " " + call.uri() + " timed out after " + requestTimeout
                        + " (" + attempt + " attempts)", e);
            } catch (IOException e) {
                if ((repeatable || e instanceof java.net.ConnectException) && attempt < retryPolicy.maxAttempts()) {
                    pause(retryPolicy.backoff(attempt, random.getAsDouble()), call);
                    continue;
                }
                throw new NetworkException(call.method() + " " + call.uri() + " failed: " + describe(e)
                        + " (" + attempt + " attempts)", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NetworkException(call.method() + " " + call.uri() + " was interrupted", e);
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new HttpResult(call.uri(), status, response.headers(), response.body());
            }
            if (status == 401 && token != null && !renewedToken && tokens.invalidate(token)) {
                renewedToken = true;
                attempt--;
                continue;
            }
            Duration retryAfter = retryAfter(response).orElse(null);
            if ((repeatable ? isRetryable(status) : status == 429 || status == 503) && attempt < retryPolicy.maxAttempts()) {
                Duration backoff = retryPolicy.backoff(attempt, random.getAsDouble());
                if (retryAfter != null && retryAfter.compareTo(retryPolicy.maxRetryAfter()) > 0) {
                    throw ErrorResponses.toException(call.method(), call.uri(), status, response.body(), retryAfter);
                }
                pause(retryAfter != null && retryAfter.compareTo(backoff) > 0 ? retryAfter : backoff, call);
                continue;
            }
            throw ErrorResponses.toException(call.method(), call.uri(), status, response.body(), retryAfter);
        }
    }

    /**
     * Opens {@code call} as a stream of lines (server-sent events) once, without retries: the caller reconnects and
     * resumes. A 401 renews the token once, as {@link #send} does. The request timeout bounds the wait for the response
     * headers, not the stream. Close the stream to end the connection.
     *
     * @throws ExchangeException of the failure's kind
     */
    public java.util.stream.Stream<String> openLines(HttpCall call) {
        boolean renewedToken = false;
        while (true) {
            String token = call.authenticated() && tokens != null ? tokens.token() : null;
            HttpResponse<java.util.stream.Stream<String>> response;
            try {
                response = http.send(request(call, token), HttpResponse.BodyHandlers.ofLines());
            } catch (IOException e) {
                throw new NetworkException(call.method() + " " + call.uri() + " failed: " + describe(e), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NetworkException(call.method() + " " + call.uri() + " was interrupted", e);
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return response.body();
            }
            byte[] body;
            try (java.util.stream.Stream<String> lines = response.body()) {
                body = String.join("\n", lines.toList()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            }
            if (status == 401 && token != null && !renewedToken && tokens.invalidate(token)) {
                renewedToken = true;
                continue;
            }
            throw ErrorResponses.toException(call.method(), call.uri(), status, body, retryAfter(response).orElse(null));
        }
    }

    private HttpRequest request(HttpCall call, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(call.uri())
                .timeout(requestTimeout)
                .header("User-Agent", userAgent);
        call.headers().forEach(builder::header);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        HttpRequest.BodyPublisher body = call.body() == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(call.body());
        return builder.method(call.method(), body).build();
    }

    /** RFC 9110 §15: 429 Too Many Requests, 502, 503 and 504 are worth repeating; other failures are not. */
    static boolean isRetryable(int status) {
        return status == 429 || status == 502 || status == 503 || status == 504;
    }

    /** Retry-After as delay-seconds or an HTTP-date (RFC 9110 §10.2.3); an unreadable value is ignored. */
    private Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            String text = value.strip();
            if (text.chars().allMatch(Character::isDigit) && !text.isEmpty() && text.length() < 10) {
                return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
            }
            try {
                Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(clock.instant(), at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }

    private void pause(Duration wait, HttpCall call) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NetworkException(call.method() + " " + call.uri() + " was interrupted while waiting to retry", e);
        }
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
