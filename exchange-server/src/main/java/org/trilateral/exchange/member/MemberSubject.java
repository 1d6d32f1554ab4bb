package org.trilateral.exchange.member;

/**
 * One identity-provider subject that identifies a member.
 *
 * @param issuer  the configured issuer's name ({@code exchange.security.issuers[].name})
 * @param subject the value of that issuer's subject (or member) claim
 */
public record MemberSubject(String issuer, String subject) {

    public MemberSubject {
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("issuer must not be blank");
        }
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("subject must not be blank");
        }
    }
}
