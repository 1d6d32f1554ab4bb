package org.trilateral.taxonomy.persona;

import java.net.IDN;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Email addresses (docs/persona-identifiers.md, "email"): NFKC, trim, lower case, the domain through IDNA 2003
 * ToASCII ({@link IDN#toASCII(String)}, Nameprep, no unassigned code points, no STD3 rules). Gmail addresses
 * also yield a variant with dots and the {@code +tag} removed from the local part, because Gmail delivers all
 * of them to one mailbox.
 */
public final class EmailIdentifiers {

    private static final Set<String> GMAIL_DOMAINS = Set.of("gmail.com", "googlemail.com");

    private EmailIdentifiers() {
    }

    /** The normalised address as written. */
    public static TaggedIdentifier normalise(String raw) {
        String text = NormalisationSteps.lower(NormalisationSteps.trim(NormalisationSteps.nfkc(NormalisationSteps.required(raw, "email address"))));
        int at = text.indexOf('@');
        if (at < 0 || at != text.lastIndexOf('@')) {
            throw new InvalidPersonaIdentifierException("email address must contain exactly one '@' (quoted local parts are not accepted)");
        }
        String local = text.substring(0, at);
        String domain = text.substring(at + 1);
        if (local.isEmpty()) {
            throw new InvalidPersonaIdentifierException("email address has an empty local part");
        }
        if (local.codePoints().anyMatch(cp -> Character.isWhitespace(cp) || Character.isISOControl(cp) || cp == '"')) {
            throw new InvalidPersonaIdentifierException("email local part contains whitespace, a control character or a quote");
        }
        if (domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        if (domain.isEmpty() || !domain.contains(".")) {
            throw new InvalidPersonaIdentifierException("email domain '" + domain + "' must have at least two labels");
        }
        String ascii;
        try {
            ascii = NormalisationSteps.lower(IDN.toASCII(domain));
        } catch (IllegalArgumentException e) {
            throw new InvalidPersonaIdentifierException("email domain '" + domain + "' fails IDNA 2003 ToASCII: " + e.getMessage(), e);
        }
        return new TaggedIdentifier(PersonaKind.EMAIL, null, local + "@" + ascii);
    }

    /**
     * The normalised address followed, for gmail.com and googlemail.com, by the Gmail variant (local part up to the
     * first '+', dots removed, domain gmail.com) when it differs. Publish a digest for each.
     */
    public static List<TaggedIdentifier> normaliseWithVariants(String raw) {
        TaggedIdentifier primary = normalise(raw);
        List<TaggedIdentifier> all = new ArrayList<>(List.of(primary));
        gmailVariant(primary).filter(v -> !v.equals(primary)).ifPresent(all::add);
        return List.copyOf(all);
    }

    private static Optional<TaggedIdentifier> gmailVariant(TaggedIdentifier primary) {
        String address = primary.normalised();
        int at = address.indexOf('@');
        if (!GMAIL_DOMAINS.contains(address.substring(at + 1))) {
            return Optional.empty();
        }
        String local = address.substring(0, at);
        int plus = local.indexOf('+');
        if (plus >= 0) {
            local = local.substring(0, plus);
        }
        local = local.replace(".", "");
        if (local.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TaggedIdentifier(PersonaKind.EMAIL, null, local + "@gmail.com"));
    }
}
