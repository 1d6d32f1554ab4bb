package org.trilateral.taxonomy.wallet;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * Base58 with the bitcoin alphabet (also used by TRON and Solana), and base58check: payload followed by the first
 * four bytes of SHA-256(SHA-256(payload)). Each leading '1' stands for one leading zero byte.
 */
final class Base58 {

    private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final BigInteger BASE = BigInteger.valueOf(58);

    private Base58() {
    }

    static byte[] decode(String text) {
        if (text.isEmpty()) {
            throw new InvalidWalletAddressException(InvalidWalletAddressException.Reason.EMPTY, "address is empty");
        }
        BigInteger value = BigInteger.ZERO;
        int leadingZeros = 0;
        boolean inLeading = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int digit = ALPHABET.indexOf(c);
            if (digit < 0) {
                throw new InvalidWalletAddressException(InvalidWalletAddressException.Reason.INVALID_CHARACTER,
                        "character '" + c + "' at position " + i + " is not in the base58 alphabet (0, O, I and l are excluded)");
            }
            if (inLeading && digit == 0) {
                leadingZeros++;
            } else {
                inLeading = false;
            }
            value = value.multiply(BASE).add(BigInteger.valueOf(digit));
        }
        byte[] magnitude = value.signum() == 0 ? new byte[0] : value.toByteArray();
        int strip = magnitude.length > 0 && magnitude[0] == 0 ? 1 : 0;
        byte[] out = new byte[leadingZeros + magnitude.length - strip];
        System.arraycopy(magnitude, strip, out, leadingZeros, magnitude.length - strip);
        return out;
    }

    static String encode(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        BigInteger value = new BigInteger(1, bytes);
        while (value.signum() > 0) {
            BigInteger[] qr = value.divideAndRemainder(BASE);
            out.append(ALPHABET.charAt(qr[1].intValue()));
            value = qr[0];
        }
        for (int i = 0; i < bytes.length && bytes[i] == 0; i++) {
            out.append('1');
        }
        return out.reverse().toString();
    }

    /** Decodes base58check and returns the payload (version byte included), checksum verified. */
    static byte[] decodeChecked(String text) {
        byte[] all = decode(text);
        if (all.length < 5) {
            throw new InvalidWalletAddressException(InvalidWalletAddressException.Reason.WRONG_LENGTH,
                    "base58check data is " + all.length + " bytes, too short to hold a checksum");
        }
        byte[] payload = Arrays.copyOf(all, all.length - 4);
        byte[] checksum = Arrays.copyOfRange(all, all.length - 4, all.length);
        if (!MessageDigest.isEqual(checksum, checksum(payload))) {
            throw new InvalidWalletAddressException(InvalidWalletAddressException.Reason.BAD_CHECKSUM,
                    "base58check checksum does not match");
        }
        return payload;
    }

    static String encodeChecked(byte[] payload) {
        byte[] all = Arrays.copyOf(payload, payload.length + 4);
        System.arraycopy(checksum(payload), 0, all, payload.length, 4);
        return encode(all);
    }

    private static byte[] checksum(byte[] payload) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] once = sha256.digest(payload);
            return Arrays.copyOf(sha256.digest(once), 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
