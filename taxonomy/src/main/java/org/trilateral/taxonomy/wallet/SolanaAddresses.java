package org.trilateral.taxonomy.wallet;

/**
 * Solana addresses: base58 of a 32-byte public key. There is no checksum, so only the alphabet and the length can
 * be checked; the canonical form is the base58 encoding of the decoded bytes.
 */
final class SolanaAddresses implements AddressCanonicalizer {

    @Override
    public String canonicalize(Chain chain, String address) {
        byte[] key = Base58.decode(address);
        if (key.length != 32) {
            throw new InvalidWalletAddressException(InvalidWalletAddressException.Reason.WRONG_LENGTH,
                    "Solana address decodes to " + key.length + " bytes, not 32");
        }
        return Base58.encode(key);
    }
}
