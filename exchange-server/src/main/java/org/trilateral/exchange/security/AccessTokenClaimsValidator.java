package org.trilateral.exchange.security;

import java.util.List;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The claims the exchange needs beyond issuer and timestamps: an {@code aud} that names the exchange (RFC 9068 §4:
 * a resource server must refuse tokens meant for another audience) and an {@code exp} (a token that never expires
 * is refused).
 */
final class AccessTokenClaimsValidator implements OAuth2TokenValidator<Jwt> {

    private final String audience;

    AccessTokenClaimsValidator(String audience) {
        this.audience = audience;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        List<String> aud = jwt.getAudience();
        if (aud == null || !aud.contains(audience)) {
            return failure("the token's audience " + (aud == null ? "is missing" : aud) + " does not include '" + audience + "'");
        }
        if (jwt.getExpiresAt() == null) {
            return failure("the token has no exp claim; tokens must expire");
        }
        return OAuth2TokenValidatorResult.success();
    }

    private static OAuth2TokenValidatorResult failure(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
    }
}
