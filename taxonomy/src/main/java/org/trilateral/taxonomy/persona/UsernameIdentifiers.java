package org.trilateral.taxonomy.persona;

/**
 * Usernames on a named platform (docs/persona-identifiers.md, "usernames"): platform and username NFKC, trimmed,
 * lower case; one leading '@' removed from the username. Lower case because the platforms members see (GitHub,
 * LinkedIn, Telegram, X, Upwork, Freelancer) compare usernames case-insensitively.
 */
public final class UsernameIdentifiers {

    private UsernameIdentifiers() {
    }

    /**
     * @param platform the platform's name, e.g. github, linkedin, telegram
     * @param username the username as seen, with or without a leading '@'
     */
    public static TaggedIdentifier normalise(String platform, String username) {
        String p = NormalisationSteps.lower(NormalisationSteps.trim(NormalisationSteps.nfkc(NormalisationSteps.required(platform, "platform"))));
        String u = NormalisationSteps.lower(NormalisationSteps.trim(NormalisationSteps.nfkc(NormalisationSteps.required(username, "username"))));
        if (u.startsWith("@")) {
            u = u.substring(1);
        }
        if (u.codePoints().anyMatch(cp -> Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.isISOControl(cp))) {
            throw new InvalidPersonaIdentifierException("username '" + username + "' contains whitespace or control characters");
        }
        return new TaggedIdentifier(PersonaKind.USERNAME, p, u);
    }
}
