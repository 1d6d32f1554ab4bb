package org.trilateral.client;

import java.net.URI;
import java.util.Objects;
import org.trilateral.integrity.jws.SigningKey;

/**
 * How the client authenticates to the exchange: a fixed bearer token, or OAuth 2.0 client credentials
 * (RFC 6749 §4.4) at the member's own identity provider, whose tokens the client caches and renews before they
 * expire. {@code toString()} never shows a secret or token.
 */
public sealed interface Credentials permits Credentials.BearerToken, Credentials.ClientSecret, Credentials.PrivateKeyJwt {

    /** A fixed bearer token (RFC 6750), e.g. a development token; not renewed. */
    static BearerToken bearer(String token) {
        return new BearerToken(token);
    }

    /** Client credentials with the secret in HTTP Basic authentication ({@code client_secret_basic}, RFC 6749 §2.3.1). */
    static ClientSecret clientSecretBasic(URI tokenEndpoint, String clientId, String secret) {
        return new ClientSecret(tokenEndpoint, clientId, secret, true, null);
    }

    /** Client credentials with the secret in the form body ({@code client_secret_post}, RFC 6749 §2.3.1). */
    static ClientSecret clientSecretPost(URI tokenEndpoint, String clientId, String secret) {
        return new ClientSecret(tokenEndpoint, clientId, secret, false, null);
    }

    /**
     * Client credentials authenticated by a JWT signed with the client's key ({@code private_key_jwt}, RFC 7523
     * §2.2, OpenID Connect Core §9), so no shared secret exists.
     */
    static PrivateKeyJwt privateKeyJwt(URI tokenEndpoint, String clientId, SigningKey key) {
        return new PrivateKeyJwt(tokenEndpoint, clientId, key, null);
    }

    /** @param token the bearer token; not blank */
    record BearerToken(String token) implements Credentials {
        public BearerToken {
            requireText(token, "the bearer token");
        }

        @Override
        public String toString() {
            return "BearerToken[****]";
        }
    }

    /**
     * @param tokenEndpoint the identity provider's token endpoint
     * @param clientId the client id
     * @param secret the client secret
     * @param basic true for {@code client_secret_basic}, false for {@code client_secret_post}
     * @param scope the scope to ask for, or null for the provider's default
     */
    record ClientSecret(URI tokenEndpoint, String clientId, String secret, boolean basic, String scope) implements Credentials {
        public ClientSecret {
            Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
            requireText(clientId, "the client id");
            requireText(secret, "the client secret");
        }

        /** The same credentials asking for {@code scope}. */
        public ClientSecret withScope(String scope) {
            return new ClientSecret(tokenEndpoint, clientId, secret, basic, scope);
        }

        @Override
        public String toString() {
            return "ClientSecret[" + tokenEndpoint + ", client " + clientId + (basic ? ", basic" : ", post") + "]";
        }
    }

    /**
     * @param tokenEndpoint the identity provider's token endpoint; also the assertion's audience
     * @param clientId the client id, issuer and subject of the assertion
     * @param key the key the provider knows for this client
     * @param scope the scope to ask for, or null for the provider's default
     */
    record PrivateKeyJwt(URI tokenEndpoint, String clientId, SigningKey key, String scope) implements Credentials {
        public PrivateKeyJwt {
            Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
            requireText(clientId, "the client id");
            Objects.requireNonNull(key, "key");
        }

        /** The same credentials asking for {@code scope}. */
        public PrivateKeyJwt withScope(String scope) {
            return new PrivateKeyJwt(tokenEndpoint, clientId, key, scope);
        }

        @Override
        public String toString() {
            return "PrivateKeyJwt[" + tokenEndpoint + ", client " + clientId + ", kid " + key.kid() + "]";
        }
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
    }
}
