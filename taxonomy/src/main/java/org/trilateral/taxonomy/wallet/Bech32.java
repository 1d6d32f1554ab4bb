package org.trilateral.taxonomy.wallet;

import java.io.ByteArrayOutputStream;
import java.util.Locale;

/**
 * Segwit address decoding, BIP-173 (bech32, witness version 0) and BIP-350 (bech32m, versions 1 to 16).
 */
final class Bech32 {

    private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final int BECH32_CONST = 1;
    private static final int BECH32M_CONST = 0x2bc830a3;

    /** A decoded segwit address: human-readable part, witness version and program. */
    record SegwitAddress(String hrp, int version, byte[] program) {
    }

    private Bech32() {
    }

    /** True when the text looks like a segwit address of the given hrp (case-insensitive), so it must decode as one. */
    static boolean hasPrefix(String text, String hrp) {
        return text.toLowerCase(Locale.ROOT).startsWith(hrp + "1");
    }

    static SegwitAddress decodeSegwit(String text, String expectedHrp) {
        if (text.length() > 90) {
            throw refuse(InvalidWalletAddressException.Reason.WRONG_LENGTH, "segwit address is " + text.length() + " characters, more than 90 (BIP-173)");
        }
        boolean lower = false;
        boolean upper = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 33 || c > 126) {
                throw refuse(InvalidWalletAddressException.Reason.INVALID_CHARACTER, "character at position " + i + " is outside US-ASCII 33-126");
            }
            lower |= c >= 'a' && c <= 'z';
            upper |= c >= 'A' && c <= 'Z';
        }
        if (lower && upper) {
            throw refuse(InvalidWalletAddressException.Reason.MIXED_CASE, "segwit address mixes upper and lower case (BIP-173 forbids it)");
        }
        String s = text.toLowerCase(Locale.ROOT);
        int sep = s.lastIndexOf('1');
        if (sep < 1) {
            throw refuse(InvalidWalletAddressException.Reason.UNKNOWN_PREFIX, "no human-readable part before the separator '1'");
        }
        String hrp = s.substring(0, sep);
        if (!hrp.equals(expectedHrp)) {
            throw refuse(InvalidWalletAddressException.Reason.UNKNOWN_PREFIX, "human-readable part '" + hrp + "' is not '" + expectedHrp + "' for this network");
        }
        if (s.length() - sep - 1 < 6) {
            throw refuse(InvalidWalletAddressException.Reason.WRONG_LENGTH, "data part is shorter than the 6-character checksum");
        }
        int[] data = new int[s.length() - sep - 1];
        for (int i = 0; i < data.length; i++) {
            int v = CHARSET.indexOf(s.charAt(sep + 1 + i));
            if (v < 0) {
                throw refuse(InvalidWalletAddressException.Reason.INVALID_CHARACTER,
                        "character '" + s.charAt(sep + 1 + i) + "' at position " + (sep + 1 + i) + " is not in the bech32 alphabet");
            }
            data[i] = v;
        }
        int constant = polymod(hrp, data);
        if (data.length == 6) {
            throw refuse(InvalidWalletAddressException.Reason.WRONG_LENGTH, "data part is empty: no witness version");
        }
        int version = data[0];
        if (version > 16) {
            throw refuse(InvalidWalletAddressException.Reason.INVALID_WITNESS_VERSION, "witness version " + version + " is above 16");
        }
        // BIP-350: version 0 uses the bech32 constant, versions 1-16 the bech32m constant.
        int expected = version == 0 ? BECH32_CONST : BECH32M_CONST;
        if (constant != expected) {
            String got = constant == BECH32_CONST ? "bech32" : constant == BECH32M_CONST ? "bech32m" : "neither bech32 nor bech32m";
            throw refuse(InvalidWalletAddressException.Reason.BAD_CHECKSUM, "checksum is " + got + " but witness version " + version
                    + " requires " + (version == 0 ? "bech32 (BIP-173)" : "bech32m (BIP-350)"));
        }
        byte[] program = convert5to8(data, 1, data.length - 7);
        if (program.length < 2 || program.length > 40) {
            throw refuse(InvalidWalletAddressException.Reason.WRONG_LENGTH, "witness program is " + program.length + " bytes, not 2 to 40");
        }
        if (version == 0 && program.length != 20 && program.length != 32) {
            throw refuse(InvalidWalletAddressException.Reason.WRONG_LENGTH, "witness v0 program is " + program.length + " bytes, not 20 or 32 (BIP-141)");
        }
        return new SegwitAddress(hrp, version, program);
    }

    private static int polymod(String hrp, int[] data) {
        int chk = 1;
        for (int i = 0; i < hrp.length(); i++) {
            chk = step(chk, hrp.charAt(i) >> 5);
        }
        chk = step(chk, 0);
        for (int i = 0; i < hrp.length(); i++) {
            chk = step(chk, hrp.charAt(i) & 31);
        }
        for (int v : data) {
            chk = step(chk, v);
        }
        return chk;
    }

    private static int step(int chk, int value) {
        int[] gen = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
        int top = chk >>> 25;
        chk = ((chk & 0x1ffffff) << 5) ^ value;
        for (int i = 0; i < 5; i++) {
            if (((top >>> i) & 1) != 0) {
                chk ^= gen[i];
            }
        }
        return chk;
    }

    /** BIP-173 convertbits(5 to 8) without padding: at most 4 bits of padding, all zero. */
    private static byte[] convert5to8(int[] data, int from, int length) {
        int acc = 0;
        int bits = 0;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = from; i < from + length; i++) {
            acc = (acc << 5) | data[i];
            bits += 5;
            while (bits >= 8) {
                bits -= 8;
                out.write((acc >> bits) & 0xff);
            }
        }
        if (bits >= 5) {
            throw refuse(InvalidWalletAddressException.Reason.INVALID_PADDING, "more than 4 bits of padding in the witness program");
        }
        if (((acc << (8 - bits)) & 0xff) != 0) {
            throw refuse(InvalidWalletAddressException.Reason.INVALID_PADDING, "non-zero padding bits in the witness program");
        }
        return out.toByteArray();
    }

    private static InvalidWalletAddressException refuse(InvalidWalletAddressException.Reason reason, String message) {
        return new InvalidWalletAddressException(reason, message);
    }
}
