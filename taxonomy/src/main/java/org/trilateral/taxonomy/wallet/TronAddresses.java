package org.trilateral.taxonomy.wallet;

import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * TRON addresses: base58check of 21 bytes whose first byte is 0x41 (the {@code T...} form). The hex form
 * {@code 41} followed by 40 hex digits names the same bytes and is converted to base58check, the canonical form.
 */
final class TronAddresses implements AddressCanonicalizer {

    private static final Pattern HEX = Pattern.compile("41[0-9a-fA-F]{40}");

    @Override
    public String canonicalize(Chain chain, String address) {
        if (HEX.matcher(address).matches()) {
            return Base58.encodeChecked(HexFormat.of().parseHex(address));
        }
        if (address.matches("(0x)?[0-9a-fA-F]+")) {
            throw new InvalidWalletAddressException(InvalidWalletAddressException.Reason.WRONG_LENGTH,
                    "TRON hex address must be '41' followed by 40 hex digits (21 bytes), got " + address.length() + " characters");
        }
        byte[] payload = Base58.decodeChecked(address);
        if (payload.length != 21) {
            throw new InvalidWalletAddressException(InvalidWalletAddressException.Reason.WRONG_LENGTH,
                    "TRON address payload is " + payload.length + " bytes, not 21");
        }
        if ((payload[0] & 0xff) != 0x41) {
            throw new InvalidWalletAddressException(InvalidWalletAddressException.Reason.UNKNOWN_PREFIX,
                    String.format("TRON address version byte is 0x%02x, not 0x41", payload[0] & 0xff));
        }
        return address;
    }
}
