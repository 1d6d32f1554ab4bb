package org.trilateral.integrity.jws;

import java.util.Base64;

/** The unpadded base64url of RFC 7515 §2, decoded strictly: padding or other alphabets are refused. */
public final class Base64Url {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Base64Url() {
    }

    public static String encode(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    /** @throws IllegalArgumentException naming what was being decoded */
    public static byte[] decode(String text, String what) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean alphabet = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_';
            if (!alphabet) {
                throw new IllegalArgumentException(what + " is not unpadded base64url: character '" + c
                        + "' at position " + i + " (RFC 7515 §2)");
            }
        }
        try {
            return DECODER.decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is not valid base64url: " + e.getMessage(), e);
        }
    }
}
