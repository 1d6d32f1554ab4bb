package org.trilateral.client.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.trilateral.client.Credentials;
import org.trilateral.client.ExchangeClient;
import org.trilateral.integrity.jws.SigningKey;
import picocli.CommandLine.Option;

/** Where the exchange is and how to authenticate; every option also has an environment variable. */
final class ConnectionOptions {

    @Option(names = "--url", defaultValue = "${env:EXCHANGE_URL:-http://localhost:8080}",
            description = "The exchange's base URL (env EXCHANGE_URL; default ${DEFAULT-VALUE}).")
    URI url;

    @Option(names = "--token", defaultValue = "${env:EXCHANGE_TOKEN}",
            description = "A bearer token, e.g. a development token (env EXCHANGE_TOKEN).")
    String token;

    @Option(names = "--token-endpoint", defaultValue = "${env:EXCHANGE_TOKEN_ENDPOINT}",
            description = "Your identity provider's OAuth2 token endpoint, for client credentials (env EXCHANGE_TOKEN_ENDPOINT).")
    URI tokenEndpoint;

    @Option(names = "--client-id", defaultValue = "${env:EXCHANGE_CLIENT_ID}",
            description = "OAuth2 client id (env EXCHANGE_CLIENT_ID).")
    String clientId;

    @Option(names = "--client-secret", defaultValue = "${env:EXCHANGE_CLIENT_SECRET}",
            description = "OAuth2 client secret (env EXCHANGE_CLIENT_SECRET); without it, --client-key signs a private-key JWT.")
    String clientSecret;

    @Option(names = "--client-key", defaultValue = "${env:EXCHANGE_CLIENT_KEY}",
            description = "Private JWK file for private_key_jwt client authentication (env EXCHANGE_CLIENT_KEY).")
    Path clientKey;

    ExchangeClient.Builder builder() {
        ExchangeClient.Builder builder = ExchangeClient.builder().baseUrl(url);
        if (token != null && !token.isBlank()) {
            builder.credentials(Credentials.bearer(token));
        } else if (tokenEndpoint != null) {
            if (clientId == null) {
                throw new IllegalArgumentException("--token-endpoint needs --client-id");
            }
            if (clientSecret != null) {
                builder.credentials(Credentials.clientSecretBasic(tokenEndpoint, clientId, clientSecret));
            } else if (clientKey != null) {
                builder.credentials(Credentials.privateKeyJwt(tokenEndpoint, clientId, readKey(clientKey)));
            } else {
                throw new IllegalArgumentException("--token-endpoint needs --client-secret or --client-key");
            }
        }
        return builder;
    }

    static SigningKey readKey(Path file) {
        try {
            return SigningKey.parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the key file " + file, e);
        }
    }
}
