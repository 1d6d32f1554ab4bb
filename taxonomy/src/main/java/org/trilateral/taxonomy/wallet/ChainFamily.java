package org.trilateral.taxonomy.wallet;

/** The address formats the exchange knows how to validate; each chain belongs to exactly one. */
public enum ChainFamily {
    /** Bitcoin mainnet and testnet: base58check P2PKH/P2SH and segwit bech32/bech32m (BIP-173, BIP-350). */
    BITCOIN,
    /** Any EVM chain (CAIP-2 {@code eip155:<chainId>}): 20-byte hex addresses, EIP-55 checksum. */
    EVM,
    /** TRON: base58check with the 0x41 version byte. */
    TRON,
    /** Solana: base58 encoding of a 32-byte public key. */
    SOLANA
}
