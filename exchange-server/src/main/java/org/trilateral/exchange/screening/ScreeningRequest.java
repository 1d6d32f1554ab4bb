package org.trilateral.exchange.screening;

import java.util.List;
import java.util.Objects;
import org.trilateral.taxonomy.indicator.IpNetwork;
import org.trilateral.taxonomy.persona.PersonaDigest;
import org.trilateral.taxonomy.wallet.WalletAddress;

/**
 * What one screening asks, every value already canonical (tokens in their scheme's form, wallets canonicalised by the
 * taxonomy, IPs as single addresses).
 *
 * @param facts what the member knows of the candidate or payout, for the red flags
 */
record ScreeningRequest(List<PersonaDigest> personaTokens, List<WalletAddress> wallets, List<IpNetwork> ips, Facts facts) {

    /** The most identifiers one screening may carry. */
    static final int MAX_IDENTIFIERS = 100;

    ScreeningRequest {
        personaTokens = List.copyOf(personaTokens);
        wallets = List.copyOf(wallets);
        ips = List.copyOf(ips);
        Objects.requireNonNull(facts, "facts");
    }

    int identifiers() {
        return personaTokens.size() + wallets.size() + ips.size();
    }

    /**
     * The red-flag facts the seeds name.
     *
     * @param claimedResidence       ISO 3166-1 alpha-2 country the candidate claims to live in, or null
     * @param payoutCountry          country of the bank or account the pay goes to, or null
     * @param refusedLiveVideo       whether the candidate refused live video or in-person verification, or null
     * @param concurrentEmployments  how many employments the person is known to hold at once, or null
     */
    record Facts(String claimedResidence, String payoutCountry, Boolean refusedLiveVideo, Integer concurrentEmployments) {

        static final Facts NONE = new Facts(null, null, null, null);
    }
}
