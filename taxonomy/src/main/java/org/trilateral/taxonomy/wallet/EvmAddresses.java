package org.trilateral.taxonomy.wallet;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.digests.KeccakDigest;

/**
 * EVM addresses: {@code 0x} and 20 bytes in hex. A mixed-case address carries the EIP-55 checksum and must pass
 * it; an all-lower or all-upper one carries none. The canonical form is the EIP-55 checksummed form.
 */
final class EvmAddresses implements AddressCanonicalizer {

    private static final Pattern HEX40 = Pattern.compile("[0-9a-fA-F]{40}");

    @Override
    public String canonicalize(Chain chain, String address) {
        if (!address.startsWith("0x")) {
            throw new InvalidWalletAddressException(InvalidWalletAddressException.Reason.UNKNOWN_PREFIX,
                    "EVM address must start with '0x'");
        }
        String hex = address.substring(2);
        if (hex.length() != 40) {
            throw new InvalidWalletAddressException(InvalidWalletAddressException.Reason.WRONG_LENGTH,
                    "EVM address has " + hex.length() + " hex digits, not 40 (20 bytes)");
        }
        if (!HEX40.matcher(hex).matches()) {
            throw new InvalidWalletAddressException(InvalidWalletAddressException.Reason.INVALID_CHARACTER,
                    "EVM address contains a character that is not a hex digit");
        }
        String checksummed = checksummed(hex);
        boolean mixed = !hex.equals(hex.toLowerCase(Locale.ROOT)) && !hex.equals(hex.toUpperCase(Locale.ROOT));
        if (mixed && !checksummed.equals(address)) {
            throw new InvalidWalletAddressException(InvalidWalletAddressException.Reason.BAD_CHECKSUM,
                    "mixed-case EVM address fails the EIP-55 checksum (the checksummed form of these bytes is " + checksummed + ")");
        }
        return checksummed;
    }

    /** EIP-55: upper-case the i-th hex letter when the i-th nibble of keccak256(lower-case hex) is 8 or more. */
    static String checksummed(String hex) {
        String lower = hex.toLowerCase(Locale.ROOT);
        KeccakDigest keccak = new KeccakDigest(256);
        byte[] input = lower.getBytes(StandardCharsets.US_ASCII);
        keccak.update(input, 0, input.length);
        byte[] hash = new byte[32];
        keccak.doFinal(hash, 0);
        StringBuilder out = new StringBuilder("0x");
        for (int i = 0; i < 40; i++) {
            char c = lower.charAt(i);
            int nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0x0f;
            out.append(nibble >= 8 ? Character.toUpperCase(c) : c);
        }
        return out.toString();
    }
}
