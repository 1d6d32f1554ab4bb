package org.trilateral.client.internal;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.trilateral.client.IdentityProviderTrust;
import org.trilateral.integrity.jcs.StrictJson;
import org.trilateral.integrity.jws.Jwk;
import org.trilateral.integrity.jws.JwkFormatException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Checks an identity provider's key attestation: a JWT (RFC 7519) signed by a pinned key of the provider
 * (RS256/384/512, PS256, ES256 or EdDSA; never {@code none} or HMAC), whose {@code cnf.jkt} (RFC 7800 §3.1, RFC 9449
 * §6.1) is the thumbprint of the key being registered and which names the member: by the provider's member claim, or
 * by a subject the log binds to the member. Expiry is not checked: the attestation is evidence about the moment the
 * key was registered, which the log fixes.
 */
public final class IdentityAttestation {

    private IdentityAttestation() {
    }

    /**
     * Why the token does not attest {@code kid} for {@code member}, or empty when it does.
     *
     * @param subjects the (issuer name, subject) pairs the log binds to the member
     */
    public static Optional<String> problem(String token, IdentityProviderTrust provider, String member, String kid,
                                           java.util.Set<Map.Entry<String, String>> subjects) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.of("the attestation is not a compact JWS (three parts)");
        }
        JsonNode header;
        JsonNode claims;
        byte[] signature;
        try {
            header = StrictJson.mapper().readTree(decode(parts[0]));
            claims = StrictJson.mapper().readTree(decode(parts[1]));
            signature = Base64.getUrlDecoder().decode(parts[2]);
        } catch (IllegalArgumentException | JacksonException e) {
            return Optional.of("the attestation is not a readable JWT: " + e.getMessage());
        }
        String alg = header.path("alg").asString("");
        byte[] signingInput = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        boolean verified = false;
        for (JsonNode key : provider.keys()) {
            if (header.has("kid") && key.has("kid") && !header.path("kid").asString("").equals(key.path("kid").asString(""))) {
                continue;
            }
            Optional<Boolean> result = verify(alg, key, signingInput, signature);
            if (result.isEmpty()) {
                return Optional.of("the attestation's algorithm \"" + alg + "\" is not accepted"
                        + " (RS256/384/512, PS256, ES256, EdDSA)");
            }
            if (result.get()) {
                verified = true;
                break;
            }
        }
        if (!verified) {
            return Optional.of("the attestation is not signed by a pinned key of " + provider.issuer());
        }
        if (!provider.issuer().equals(claims.path("iss").asString(""))) {
            return Optional.of("the attestation's iss " + claims.path("iss") + " is not " + provider.issuer());
        }
        String jkt = claims.path("cnf").path("jkt").asString("");
        if (!kid.equals(jkt)) {
            return Optional.of("the attestation binds key " + (jkt.isEmpty() ? "none (no cnf.jkt)" : jkt) + ", not " + kid);
        }
        if (provider.memberClaim().isPresent()
                && member.equals(claims.path(provider.memberClaim().get()).asString(""))) {
            return Optional.empty();
        }
        String subject = claims.path("sub").asString("");
        if (subjects.contains(Map.entry(provider.name(), subject))) {
            return Optional.empty();
        }
        return Optional.of("the attestation names " + provider.memberClaim().map(c -> c + " "
                + claims.path(c) + " and ").orElse("") + "sub " + subject + ", which the log does not bind to member "
                + member);
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    /** Empty when the algorithm is not accepted; else whether the key verifies the signature. */
    private static Optional<Boolean> verify(String alg, JsonNode key, byte[] input, byte[] signature) {
        try {
            switch (alg) {
                case "RS256", "RS384", "RS512" -> {
                    if (!"RSA".equals(key.path("kty").asString(""))) {
                        return Optional.of(false);
                    }
                    Signature verifier = Signature.getInstance("SHA" + alg.substring(2) + "withRSA");
                    verifier.initVerify(rsa(key));
                    verifier.update(input);
                    return Optional.of(verifier.verify(signature));
                }
                case "PS256" -> {
                    if (!"RSA".equals(key.path("kty").asString(""))) {
                        return Optional.of(false);
                    }
                    Signature verifier = Signature.getInstance("RSASSA-PSS");
                    verifier.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
                    verifier.initVerify(rsa(key));
                    verifier.update(input);
                    return Optional.of(verifier.verify(signature));
                }
                case "ES256", "EdDSA" -> {
                    if (!"EC".equals(key.path("kty").asString("")) && !"OKP".equals(key.path("kty").asString(""))) {
                        return Optional.of(false);
                    }
                    Jwk jwk = Jwk.fromJson(key);
                    return Optional.of(jwk.algorithm().headerValue().equals(alg) && jwk.verify(input, signature));
                }
                default -> {
                    return Optional.empty();
                }
            }
        } catch (GeneralSecurityException | JwkFormatException | IllegalArgumentException e) {
            return Optional.of(false);
        }
    }

    private static PublicKey rsa(JsonNode key) throws GeneralSecurityException {
        BigInteger n = new BigInteger(1, Base64.getUrlDecoder().decode(key.path("n").asString("")));
        BigInteger e = new BigInteger(1, Base64.getUrlDecoder().decode(key.path("e").asString("")));
        return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
    }
}
