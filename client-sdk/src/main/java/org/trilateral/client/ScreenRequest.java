package org.trilateral.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.trilateral.taxonomy.persona.TaggedIdentifier;
import org.trilateral.taxonomy.wallet.WalletAddress;

/**
 * One candidate or payout to screen. Persona identifiers (people, bank and payment accounts, shipping addresses) are
 * given normalised ({@code EmailIdentifiers.normalise(...)}, {@code BankAccountIdentifiers.iban(...)}, ...) and are
 * turned into oblivious tokens on this machine before anything is sent; wallets and IPs are sent canonical. Immutable;
 * built with {@link #builder()}.
 *
 * @param label  the caller's own name for the candidate (a row number, an applicant id); never sent
 */
public record ScreenRequest(String label, List<TaggedIdentifier> personas, List<WalletAddress> wallets, List<String> ips,
                            String claimedResidence, String payoutCountry, Boolean refusedLiveVideo,
                            Integer concurrentEmployments) {

    public ScreenRequest {
        personas = List.copyOf(personas);
        wallets = List.copyOf(wallets);
        ips = List.copyOf(ips);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Whether the request carries any fact for the red flags. */
    boolean hasFacts() {
        return claimedResidence != null || payoutCountry != null || refusedLiveVideo != null || concurrentEmployments != null;
    }

    /** Builds a {@link ScreenRequest}; not thread-safe. */
    public static final class Builder {
        private String label;
        private final List<TaggedIdentifier> personas = new ArrayList<>();
        private final List<WalletAddress> wallets = new ArrayList<>();
        private final List<String> ips = new ArrayList<>();
        private String claimedResidence;
        private String payoutCountry;
        private Boolean refusedLiveVideo;
        private Integer concurrentEmployments;

        private Builder() {
        }

        public Builder label(String value) {
            label = value;
            return this;
        }

        /** A normalised persona identifier, tokenised locally. */
        public Builder persona(TaggedIdentifier identifier) {
            personas.add(Objects.requireNonNull(identifier, "identifier"));
            return this;
        }

        public Builder wallet(WalletAddress address) {
            wallets.add(Objects.requireNonNull(address, "address"));
            return this;
        }

        /**
         * A wallet as a CAIP-10 account id ({@code eip155:1:0x…}) or {@code <chain alias>:<address>}.
         *
         * @throws IllegalArgumentException naming what is wrong
         */
        public Builder wallet(String account) {
            int colon = account == null ? -1 : account.lastIndexOf(':');
            if (colon <= 0 || colon == account.length() - 1) {
                throw new IllegalArgumentException("'" + account + "' is not <chain>:<address> (CAIP-10, e.g. eip155:1:0x…)");
            }
            return wallet(WalletAddress.parse(account.substring(0, colon), account.substring(colon + 1)));
        }

        /** An IPv4 or IPv6 address, e.g. of a login. */
        public Builder ip(String address) {
            ips.add(Objects.requireNonNull(address, "address"));
            return this;
        }

        /** ISO 3166-1 alpha-2 country the candidate claims to live in. */
        public Builder claimedResidence(String country) {
            claimedResidence = country;
            return this;
        }

        /** ISO 3166-1 alpha-2 country of the bank or account the pay goes to. */
        public Builder payoutCountry(String country) {
            payoutCountry = country;
            return this;
        }

        public Builder refusedLiveVideo(boolean refused) {
            refusedLiveVideo = refused;
            return this;
        }

        public Builder concurrentEmployments(int count) {
            concurrentEmployments = count;
            return this;
        }

        public ScreenRequest build() {
            return new ScreenRequest(label, personas, wallets, ips, claimedResidence, payoutCountry, refusedLiveVideo,
                    concurrentEmployments);
        }
    }
}
