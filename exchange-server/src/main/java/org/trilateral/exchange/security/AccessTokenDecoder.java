package org.trilateral.exchange.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.util.Set;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * One issuer's decoder, in front of Spring's Nimbus decoder: it refuses what must never be verified at all
 * (unsigned {@code alg: none} tokens, RFC 8725 §3.2; HMAC or any other symmetric algorithm, which would let a
 * provider's public key act as a shared secret, RFC 8725 §2.1) with a reason a client can act on, and turns the
 * decoder's failures into such reasons. Every failure is a {@link BadJwtException}, so it ends as a 401.
 */
final class AccessTokenDecoder implements ReactiveJwtDecoder {

    /** Asymmetric JWS algorithms only (RFC 7518 §3.1). */
    static final Set<JWSAlgorithm> ALLOWED = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512,
            JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512);

    private static final String PREFIX = "An error occurred while attempting to decode the Jwt: ";

    private final String issuerName;
    private final ReactiveJwtDecoder delegate;
    private final String unknownKeyReason;

    /** @param unknownKeyReason the reason for a token whose key id the issuer does not have; null for the default */
    AccessTokenDecoder(String issuerName, ReactiveJwtDecoder delegate, String unknownKeyReason) {
        this.issuerName = issuerName;
        this.delegate = delegate;
        this.unknownKeyReason = unknownKeyReason;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        JWT jwt;
        try {
            jwt = JWTParser.parse(token);
        } catch (ParseException e) {
            return Mono.error(new BadJwtException("the token is not a JWT: " + e.getMessage()));
        }
        if (jwt instanceof PlainJWT) {
            return Mono.error(new BadJwtException("unsigned tokens (alg none) are refused"));
        }
        if (jwt instanceof EncryptedJWT || !(jwt instanceof SignedJWT signed)) {
            return Mono.error(new BadJwtException("encrypted tokens are not accepted; send a signed JWT"));
        }
        JWSAlgorithm alg = signed.getHeader().getAlgorithm();
        if (!ALLOWED.contains(alg)) {
            return Mono.error(new BadJwtException("signing algorithm " + alg + " is refused: only asymmetric signatures"
                    + " (RS, PS, ES) are accepted"));
        }
        String kid = signed.getHeader().getKeyID();
        // Signature verification is CPU work: off the event loop, on the bounded parallel scheduler.
        return Mono.defer(() -> delegate.decode(token))
                .subscribeOn(Schedulers.parallel())
                .onErrorMap(JwtException.class, e -> clarify(e, kid));
    }

    private BadJwtException clarify(JwtException e, String kid) {
        if (e instanceof JwtValidationException validation) {
            String reasons = validation.getErrors().stream()
                    .map(error -> error.getDescription() == null ? error.getErrorCode() : error.getDescription())
                    .reduce((a, b) -> a + "; " + b).orElse(e.getMessage());
            return new BadJwtException(reasons, e);
        }
        // Spring's message is generic ("Failed to validate the token"); the causes say what went wrong.
        StringBuilder all = new StringBuilder();
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            all.append(cause.getMessage()).append(" | ");
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.startsWith(PREFIX)) {
            message = message.substring(PREFIX.length());
        }
        String causes = all.toString();
        if (causes.contains("Invalid signature")) {
            return new BadJwtException("the signature does not verify with the signing key of issuer '" + issuerName + "'", e);
        }
        if (message.contains("Invalid signature")) {
            return new BadJwtException("the signature does not verify with the signing key of issuer '" + issuerName + "'", e);
        }
        if (causes.contains("no matching key")) {
            return new BadJwtException(unknownKeyReason != null ? unknownKeyReason
                    : "no signing key of issuer '" + issuerName + "' has key id '" + kid
                    + "' (the issuer's key set was refetched)", e);
        }
        return new BadJwtException(message, e);
    }
}
