package org.trilateral.taxonomy.wallet;

/** Validates an address of one chain family and returns its canonical form. */
interface AddressCanonicalizer {

    /**
     * @throws InvalidWalletAddressException naming why the address is refused
     */
    String canonicalize(Chain chain, String address);

    static AddressCanonicalizer forFamily(ChainFamily family) {
        return switch (family) {
            case BITCOIN -> new BitcoinAddresses();
            case EVM -> new EvmAddresses();
            case TRON -> new TronAddresses();
            case SOLANA -> new SolanaAddresses();
        };
    }
}
