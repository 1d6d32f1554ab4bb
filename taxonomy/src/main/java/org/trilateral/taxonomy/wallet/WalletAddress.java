package org.trilateral.taxonomy.wallet;

import java.util.Map;
import java.util.Objects;
import org.trilateral.taxonomy.stix.DeterministicId;
import org.trilateral.taxonomy.stix.StixId;

/**
 * A wallet address on a chain, always in the chain's canonical form, so that two members who saw the same
 * wallet write the same string.
 *
 * @param chain the chain
 * @param address the canonical address (see {@link #parse(Chain, String)} for each chain's canonical form)
 */
public record WalletAddress(Chain chain, String address) {

    /** The STIX type of the wallet observable. */
    public static final String STIX_TYPE = "cryptocurrency-wallet";

    /**
     * Refuses an address that is invalid or not in canonical form; the message of a non-canonical refusal gives the
     * canonical form.
     */
    public WalletAddress {
        Objects.requireNonNull(chain, "chain");
        String canonical = canonicalize(chain, address);
        if (!canonical.equals(address)) {
            throw new InvalidWalletAddressException(InvalidWalletAddressException.Reason.NOT_CANONICAL,
                    "address '" + address + "' is not in canonical form for " + chain.caip2() + "; write '" + canonical + "'");
        }
    }

    /**
     * Validates an address and returns it in canonical form: bitcoin segwit in lower case, base58 forms unchanged,
     * EVM in EIP-55 form, TRON hex ({@code 41...}) converted to base58check. Surrounding whitespace is removed.
     *
     * @throws InvalidWalletAddressException naming the reason (bad checksum, wrong length, unknown prefix, mixed case...)
     */
    public static WalletAddress parse(Chain chain, String address) {
        Objects.requireNonNull(chain, "chain");
        if (address == null || address.strip().isEmpty()) {
            throw new InvalidWalletAddressException(InvalidWalletAddressException.Reason.EMPTY, "address is missing");
        }
        return new WalletAddress(chain, canonicalize(chain, address.strip()));
    }

    /** {@link #parse(Chain, String)} with the chain given as an alias or a CAIP-2 id. */
    public static WalletAddress parse(String chain, String address) {
        return parse(Chain.of(chain), address);
    }

    private static String canonicalize(Chain chain, String address) {
        if (address == null || address.isEmpty()) {
            throw new InvalidWalletAddressException(InvalidWalletAddressException.Reason.EMPTY, "address is missing");
        }
        return AddressCanonicalizer.forFamily(chain.family()).canonicalize(chain, address);
    }

    /**
     * The deterministic id of the {@code cryptocurrency-wallet} observable for this address (STIX 2.1 §2.9):
     * UUIDv5 over the canonical JSON of {@code {"address":...,"chain":...}}.
     */
    public StixId stixId() {
        return DeterministicId.of(STIX_TYPE, Map.of("chain", chain.caip2(), "address", address));
    }

    @Override
    public String toString() {
        return chain.caip2() + ":" + address;
    }
}
