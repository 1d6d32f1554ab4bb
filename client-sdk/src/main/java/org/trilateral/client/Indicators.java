package org.trilateral.client;

import java.util.Objects;
import org.trilateral.taxonomy.indicator.IndicatorBuilder;
import org.trilateral.taxonomy.indicator.IpNetwork;
import org.trilateral.taxonomy.marking.Tlp;
import org.trilateral.taxonomy.persona.EmailIdentifiers;
import org.trilateral.taxonomy.persona.PersonaDigest;
import org.trilateral.taxonomy.persona.PersonaHashScheme;
import org.trilateral.taxonomy.persona.PhoneIdentifiers;
import org.trilateral.taxonomy.persona.TaggedIdentifier;
import org.trilateral.taxonomy.persona.V1Sha256;
import org.trilateral.taxonomy.vocabulary.IndicatorKind;
import org.trilateral.taxonomy.wallet.WalletAddress;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the exchange's indicators for one member. Persona identifiers are normalised and hashed here, on the
 * member's machine: only the digest goes into the indicator, never the raw e-mail address or phone number.
 * Immutable and thread-safe.
 */
public final class Indicators {

    private final String identityId;
    private final PersonaHashScheme scheme;

    /**
     * @param identityId the member's STIX identity ({@code identity--<uuid>}), written as {@code created_by_ref}
     */
    public Indicators(String identityId) {
        this(identityId, new V1Sha256());
    }

    /**
     * @param identityId the member's STIX identity, written as {@code created_by_ref}
     * @param scheme the persona hash scheme agreed among members
     */
    public Indicators(String identityId, PersonaHashScheme scheme) {
        this.identityId = Objects.requireNonNull(identityId, "identityId");
        this.scheme = Objects.requireNonNull(scheme, "scheme");
    }

    /** A payroll-wallet indicator. */
    public ObjectNode wallet(WalletAddress address, Tlp tlp) {
        return IndicatorBuilder.wallet(address).createdByRef(identityId).marking(tlp).build();
    }

    /**
     * A wallet given as a CAIP-10 account id ({@code <namespace>:<reference>:<address>}, e.g.
     * {@code eip155:1:0xab…}) or as {@code <chain alias>:<address>}.
     *
     * @throws IllegalArgumentException naming what is wrong with the account id
     */
    public ObjectNode wallet(String account, Tlp tlp) {
        int colon = account == null ? -1 : account.lastIndexOf(':');
        if (colon <= 0 || colon == account.length() - 1) {
            throw new IllegalArgumentException("'" + account + "' is not <chain>:<address> (CAIP-10, e.g. eip155:1:0x…)");
        }
        return wallet(WalletAddress.parse(account.substring(0, colon), account.substring(colon + 1)), tlp);
    }

    /** A persona-identifier indicator for an e-mail address, hashed locally. */
    public ObjectNode email(String rawEmail, Tlp tlp) {
        return persona(EmailIdentifiers.normalise(rawEmail), tlp);
    }

    /** A persona-identifier indicator for a phone number ({@code defaultRegion} for national numbers), hashed locally. */
    public ObjectNode phone(String rawPhone, String defaultRegion, Tlp tlp) {
        return persona(PhoneIdentifiers.normalise(rawPhone, defaultRegion), tlp);
    }

    /** A persona-identifier indicator for an already normalised identifier, hashed locally. */
    public ObjectNode persona(TaggedIdentifier identifier, Tlp tlp) {
        PersonaDigest digest = scheme.digest(identifier);
        return IndicatorBuilder.personaIdentifier(digest).createdByRef(identityId).marking(tlp).build();
    }

    /** A facilitator-infrastructure indicator for an IP address or CIDR network (kind laptop-farm-network by default). */
    public ObjectNode ip(String addressOrNetwork, IndicatorKind kind, Tlp tlp) {
        return IndicatorBuilder.network(IpNetwork.parse(addressOrNetwork), kind).createdByRef(identityId).marking(tlp).build();
    }
}
