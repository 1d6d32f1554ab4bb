package org.trilateral.client.internal;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.trilateral.client.AuthenticationException;
import org.trilateral.client.Credentials;
import org.trilateral.client.ExchangeException;
import org.trilateral.client.NetworkException;
import org.trilateral.client.RateLimitException;
import org.trilateral.client.ServerException;
import tools.jackson.databind.JsonNode;

/**
 * Access tokens from the member's identity provider by the client credentials grant (RFC 6749 §4.4), cached and
 * renewed shortly before they expire so that no request goes out with a token about to lapse. Thread-safe: one
 * renewal at a time, other callers wait for it.
 */
public final class OAuth2TokenSource implements TokenSource {

    /** RFC 6749 §5.1 recommends expires_in; a provider that omits it gets this lifetime assumed. */
    private static final Duration ASSUMED_LIFETIME = Duration.ofMinutes(5);
    private static final Duration MAX_RENEWAL_MARGIN = Duration.ofSeconds(60);

    private final Credentials credentials;
    private final Transport transport;
    private String token;
    private Instant renewAt = Instant.MIN;

    /**
     * @param credentials client secret or private-key JWT credentials
     * @param transport a transport without a token source, for the token endpoint
     */
    public OAuth2TokenSource(Credentials credentials, Transport transport) {
        if (credentials instanceof Credentials.BearerToken) {
            throw new IllegalArgumentException("a fixed bearer token needs no token endpoint");
        }
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    @Override
    public synchronized String token() {
        if (token == null || !transport.clock().instant().isBefore(renewAt)) {
            obtain();
        }
        return token;
    }

    @Override
    public synchronized boolean invalidate(String refused) {
        if (refused.equals(token)) {
            token = null;
        }
        return true;
    }

    private void obtain() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        URI endpoint;
        String basic = null;
        String scope;
        if (credentials instanceof Credentials.ClientSecret secret) {
            endpoint = secret.tokenEndpoint();
            scope = secret.scope();
            if (secret.basic()) {
                // RFC 6749 §2.3.1: id and secret are form-urlencoded before Basic encoding.
                String pair = urlEncode(secret.clientId()) + ":" + urlEncode(secret.secret());
                basic = "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
            } else {
                form.put("client_id", secret.clientId());
                form.put("client_secret", secret.secret());
            }
        } else {
            Credentials.PrivateKeyJwt jwt = (Credentials.PrivateKeyJwt) credentials;
            endpoint = jwt.tokenEndpoint();
            scope = jwt.scope();
            form.put("client_id", jwt.clientId());
            form.put("client_assertion_type", ClientAssertion.TYPE);
            form.put("client_assertion", ClientAssertion.create(jwt.clientId(), endpoint, jwt.key(),
                    transport.clock().instant()));
        }
        if (scope != null) {
            form.put("scope", scope);
        }
        byte[] body = form.entrySet().stream()
                .map(e -> urlEncode(e.getKey()) + "=" + urlEncode(e.getValue()))
                .collect(Collectors.joining("&")).getBytes(StandardCharsets.US_ASCII);
        HttpCall call = HttpCall.post(endpoint, "application/x-www-form-urlencoded", "application/json", body).anonymous();
        if (basic != null) {
            call = call.withHeader("Authorization", basic);
        }
        Instant requested = transport.clock().instant();
        JsonNode response;
        try {
            response = transport.send(call).json();
        } catch (NetworkException | ServerException | RateLimitException e) {
            throw e;
        } catch (ExchangeException e) {
            // RFC 6749 §5.2: invalid_client, unauthorized_client, invalid_scope... all mean the credentials were refused.
            throw e.error()
                    .map(error -> new AuthenticationException("the identity provider at " + endpoint + " refused the client credentials", error))
                    .orElseGet(() -> new AuthenticationException("the identity provider at " + endpoint + " refused the client credentials", e));
        }
        JsonNode accessToken = response.get("access_token");
        if (accessToken == null || !accessToken.isString() || accessToken.stringValue().isBlank()) {
            throw new AuthenticationException("the token response from " + endpoint + " has no access_token", (Throwable) null);
        }
        JsonNode expiresIn = response.get("expires_in");
        Duration lifetime = expiresIn != null && expiresIn.isNumber() && expiresIn.asLong() > 0
                ? Duration.ofSeconds(expiresIn.asLong()) : ASSUMED_LIFETIME;
        Duration margin = lifetime.dividedBy(5).compareTo(MAX_RENEWAL_MARGIN) < 0 ? lifetime.dividedBy(5) : MAX_RENEWAL_MARGIN;
        token = accessToken.stringValue();
        renewAt = requested.plus(lifetime).minus(margin);
    }

    private static String urlEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
