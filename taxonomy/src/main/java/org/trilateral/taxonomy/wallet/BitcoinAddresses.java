package org.trilateral.taxonomy.wallet;

import java.util.Locale;

/**
 * Bitcoin addresses: base58check P2PKH and P2SH (version bytes 0x00/0x05 on mainnet, 0x6f/0xc4 on testnet), and
 * segwit addresses (hrp {@code bc}/{@code tb}; BIP-173 bech32 for witness v0, BIP-350 bech32m for v1+).
 * Canonical form: base58 addresses as they are (base58 is case-sensitive), segwit addresses in lower case.
 */
final class BitcoinAddresses implements AddressCanonicalizer {

    @Override
    public String canonicalize(Chain chain, String address) {
        boolean testnet = chain.isBitcoinTestnet();
        String hrp = testnet ? "tb" : "bc";
        if (Bech32.hasPrefix(address, hrp)) {
            Bech32.decodeSegwit(address, hrp);
            return address.toLowerCase(Locale.ROOT);
        }
        if (Bech32.hasPrefix(address, testnet ? "bc" : "tb")) {
            throw new InvalidWalletAddressException(InvalidWalletAddressException.Reason.UNKNOWN_PREFIX,
                    "segwit address of the " + (testnet ? "mainnet" : "testnet") + " given for chain " + chain.caip2());
        }
        byte[] payload = Base58.decodeChecked(address);
        if (payload.length != 21) {
            throw new InvalidWalletAddressException(InvalidWalletAddressException.Reason.WRONG_LENGTH,
                    "base58check payload is " + payload.length + " bytes, not 21 (version byte + 20-byte hash)");
        }
        int version = payload[0] & 0xff;
        int p2pkh = testnet ? 0x6f : 0x00;
        int p2sh = testnet ? 0xc4 : 0x05;
        if (version != p2pkh && version != p2sh) {
            throw new InvalidWalletAddressException(InvalidWalletAddressException.Reason.UNKNOWN_PREFIX,
                    String.format("version byte 0x%02x is neither P2PKH (0x%02x) nor P2SH (0x%02x) on %s",
                            version, p2pkh, p2sh, testnet ? "testnet" : "mainnet"));
        }
        return address;
    }
}
