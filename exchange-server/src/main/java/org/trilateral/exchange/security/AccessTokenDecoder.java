package org.trilateral.exchange.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
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
 * decoder's failures into such reasons. Every failure is a {@link BadJwtException}, so it ends as a 401. A token it
 * verified is remembered (by digest) so that the next request with it costs no signature verification: the ES256
 * check was about half of the exchange's CPU time per screening (docs/performance.md).
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
    private final OAuth2TokenValidator<Jwt> validator;
    private final int cacheSize;
    /**
     * Tokens this decoder verified, by the SHA-256 of their text (the tokens themselves are not kept). The signature of
     * a given text verifies once and for all; what can change with time (expiry, not-before) is validated again on
     * every use with {@code validator}. Bounded: when full it is emptied and fills again.
     */
    private final ConcurrentHashMap<String, Jwt> verified = new ConcurrentHashMap<>();

    /**
     * @param unknownKeyReason the reason for a token whose key id the issuer does not have; null for the default
     * @param validator        the delegate's own claim validator, run again on a remembered token
     * @param cacheSize        how many verified tokens to remember (0: none)
     */
    AccessTokenDecoder(String issuerName, ReactiveJwtDecoder delegate, String unknownKeyReason,
                       OAuth2TokenValidator<Jwt> validator, int cacheSize) {
        this.issuerName = issuerName;
        this.delegate = delegate;
        this.unknownKeyReason = unknownKeyReason;
        this.validator = validator;
        this.cacheSize = cacheSize;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        String digest = cacheSize > 0 ? digest(token) : null;
        Jwt remembered = digest == null ? null : verified.get(digest);
        if (remembered != null) {
            if (!validator.validate(remembered).hasErrors()) {
                return Mono.just(remembered);
            }
            // Expired since: forgotten, and verified again below so the refusal carries the decoder's reason.
            verified.remove(digest);
        }
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
                .doOnNext(decoded -> remember(digest, decoded))
                .onErrorMap(JwtException.class, e -> clarify(e, kid));
    }

    private void remember(String digest, Jwt decoded) {
        if (digest == null) {
            return;
        }
        if (verified.size() >= cacheSize) {
            verified.clear();
        }
        verified.put(digest, decoded);
    }

    private static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
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
