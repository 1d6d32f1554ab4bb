package org.trilateral.taxonomy.wallet;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A blockchain, named by its CAIP-2 chain id ({@code namespace:reference}). The exchange knows bitcoin mainnet
 * and testnet ({@code bip122:<genesis hash prefix>}), every EVM chain ({@code eip155:<chainId>}), TRON
 * ({@code tron:mainnet}, the exchange's choice: TRON has no settled CAIP-2 id) and Solana mainnet
 * ({@code solana:<genesis hash prefix>}).
 *
 * @param caip2 the CAIP-2 chain id, the form written in every object
 * @param family the address format of the chain
 */
public record Chain(String caip2, ChainFamily family) {

    /** eip155 references are decimal chain ids without leading zeros (CAIP-2 namespace eip155). */
    private static final Pattern EIP155 = Pattern.compile("eip155:[1-9][0-9]{0,31}");

    /** The non-EVM chains the exchange knows; declared before the constants, which the constructor checks against it. */
    private static final Map<String, ChainFamily> KNOWN = Map.of(
            "bip122:000000000019d6689c085ae165831e93", ChainFamily.BITCOIN,
            "bip122:000000000933ea01ad0ee984209779ba", ChainFamily.BITCOIN,
            "tron:mainnet", ChainFamily.TRON,
            "solana:5eykt4UsFv8P8NJdTREpY1vzqKqZKvdp", ChainFamily.SOLANA);

    /** Bitcoin mainnet: CAIP-2 bip122 namespace, first 32 hex digits of the genesis block hash. */
    public static final Chain BITCOIN = new Chain("bip122:000000000019d6689c085ae165831e93", ChainFamily.BITCOIN);
    /** Bitcoin testnet (testnet3 genesis block). */
    public static final Chain BITCOIN_TESTNET = new Chain("bip122:000000000933ea01ad0ee984209779ba", ChainFamily.BITCOIN);
    /** Ethereum mainnet. */
    public static final Chain ETHEREUM = new Chain("eip155:1", ChainFamily.EVM);
    /** TRON mainnet; {@code tron:mainnet} is the exchange's convention. */
    public static final Chain TRON = new Chain("tron:mainnet", ChainFamily.TRON);
    /** Solana mainnet-beta: CAIP-2 solana namespace, first 32 characters of the genesis hash. */
    public static final Chain SOLANA = new Chain("solana:5eykt4UsFv8P8NJdTREpY1vzqKqZKvdp", ChainFamily.SOLANA);

    private static final Map<String, Chain> ALIASES = Map.of(
            "bitcoin", BITCOIN,
            "bitcoin-testnet", BITCOIN_TESTNET,
            "ethereum", ETHEREUM,
            "tron", TRON,
            "solana", SOLANA);

    /** Refuses a CAIP-2 id the exchange does not know or a family that does not match it; prefer {@link #of(String)}. */
    public Chain {
        Objects.requireNonNull(caip2, "caip2");
        Objects.requireNonNull(family, "family");
        ChainFamily expected = EIP155.matcher(caip2).matches() ? ChainFamily.EVM : KNOWN.get(caip2);
        if (expected == null) {
            throw new InvalidWalletAddressException(InvalidWalletAddressException.Reason.UNKNOWN_CHAIN, "unknown chain '" + caip2 + "'");
        }
        if (expected != family) {
            throw new IllegalArgumentException("chain " + caip2 + " has address family " + expected + ", not " + family);
        }
    }

    /**
     * Resolves a friendly alias ({@code bitcoin}, {@code bitcoin-testnet}, {@code ethereum}, {@code tron},
     * {@code solana}) or a known CAIP-2 id.
     *
     * @throws InvalidWalletAddressException with reason {@link InvalidWalletAddressException.Reason#UNKNOWN_CHAIN}
     */
    public static Chain of(String aliasOrCaip2) {
        if (aliasOrCaip2 == null || aliasOrCaip2.isBlank()) {
            throw new InvalidWalletAddressException(InvalidWalletAddressException.Reason.UNKNOWN_CHAIN, "chain is missing");
        }
        Chain alias = ALIASES.get(aliasOrCaip2.toLowerCase(Locale.ROOT));
        if (alias != null) {
            return alias;
        }
        ChainFamily known = KNOWN.get(aliasOrCaip2);
        if (known != null) {
            return new Chain(aliasOrCaip2, known);
        }
        if (EIP155.matcher(aliasOrCaip2).matches()) {
            return new Chain(aliasOrCaip2, ChainFamily.EVM);
        }
        throw new InvalidWalletAddressException(InvalidWalletAddressException.Reason.UNKNOWN_CHAIN,
                "unknown chain '" + aliasOrCaip2 + "': expected one of " + new java.util.TreeSet<>(ALIASES.keySet())
                        + ", a CAIP-2 id of those, or eip155:<decimal chain id>");
    }

    /** True for the bitcoin test network, whose addresses use the testnet prefixes. */
    public boolean isBitcoinTestnet() {
        return equals(BITCOIN_TESTNET);
    }

    @Override
    public String toString() {
        return caip2;
    }
}
