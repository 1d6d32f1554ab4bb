package org.trilateral.exchange.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;
import org.trilateral.taxonomy.marking.Tlp;

/**
 * Who the exchange trusts and how it reads their tokens ({@code exchange.security.*}; docs/identity.md).
 *
 * @param issuers                   the trusted issuers; only these are ever accepted. Empty (the default) turns on the
 *                                  development identity provider instead
 * @param clockSkew                 tolerance on {@code exp} and {@code nbf} (default 30s)
 * @param defaultTlp                the TLP level of an object with no TLP marking (default AMBER)
 * @param jwksMinRefetchInterval    an unknown key id refetches an issuer's key set at most this often (default 10s),
 *                                  so tokens with invented key ids cannot hammer a provider
 * @param jwksMaxAge                a key set older than this is refetched before use; a failed refetch keeps the
 *                                  known keys, so a provider that is down does not stop its tokens (default 15m)
 * @param providerTimeout           timeout of one discovery or key-set request (default 5s)
 */
@Validated
@ConfigurationProperties("exchange.security")
public record SecurityProperties(
        @DefaultValue List<@Valid Issuer> issuers,
        @DefaultValue("30s") @NotNull Duration clockSkew,
        @DefaultValue("AMBER") @NotNull Tlp defaultTlp,
        @DefaultValue("10s") @NotNull Duration jwksMinRefetchInterval,
        @DefaultValue("15m") @NotNull Duration jwksMaxAge,
        @DefaultValue("5s") @NotNull Duration providerTimeout) {

    public SecurityProperties {
        issuers = issuers == null ? List.of() : List.copyOf(issuers);
        Set<String> names = new HashSet<>();
        Set<String> uris = new HashSet<>();
        for (Issuer issuer : issuers) {
            if (!names.add(issuer.name())) {
                throw new IllegalArgumentException("exchange.security.issuers: name '" + issuer.name() + "' is configured twice");
            }
            if (!uris.add(issuer.issuerUri())) {
                throw new IllegalArgumentException("exchange.security.issuers: issuer-uri '" + issuer.issuerUri() + "' is configured twice");
            }
        }
    }

    /**
     * One trusted identity provider.
     *
     * @param name         short name, used in the member registry's subjects (e.g. {@code jp})
     * @param issuerUri    the exact {@code iss} its tokens carry
     * @param jwkSetUri    its key set; when absent, found through OIDC discovery at
     *                     {@code issuer-uri/.well-known/openid-configuration} on first use
     * @param audience     the {@code aud} value its tokens must carry for the exchange
     * @param subjectClaim the claim identifying the member's subject (default {@code sub})
     * @param memberClaim  when set, this claim (e.g. {@code azp} or {@code client_id} for client-credentials tokens)
     *                     is looked up in the registry instead of the subject claim
     * @param rolesClaim   when set, the claim (dotted path, e.g. {@code realm_access.roles}) whose role names
     *                     narrow the member's registered roles; never widens them
     */
    public record Issuer(@NotBlank String name, @NotBlank String issuerUri, URI jwkSetUri, @NotBlank String audience,
                         @DefaultValue("sub") @NotBlank String subjectClaim, String memberClaim, String rolesClaim) {

        /** The claim whose value is looked up in the registry. */
        public String lookupClaim() {
            return memberClaim == null || memberClaim.isBlank() ? subjectClaim : memberClaim;
        }
    }
}
