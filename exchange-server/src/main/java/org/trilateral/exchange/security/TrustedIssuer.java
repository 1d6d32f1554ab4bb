package org.trilateral.exchange.security;

import java.util.Objects;
import org.springframework.security.authentication.ReactiveAuthenticationManager;

/**
 * One issuer the exchange accepts tokens from, with the authentication manager that verifies its tokens and
 * maps them to members.
 *
 * @param issuerUri the exact {@code iss} value of its tokens
 */
public record TrustedIssuer(String name, String issuerUri, ReactiveAuthenticationManager authentication) {

    public TrustedIssuer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(issuerUri, "issuerUri");
        Objects.requireNonNull(authentication, "authentication");
    }
}
