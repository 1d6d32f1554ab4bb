package org.trilateral.exchange.taxii;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The opaque {@code next} value of TAXII 2.1 §3.4 paging: the position (storage sequence number) after which the next
 * page starts, sealed with AES-256-GCM under the exchange's cursor key. It holds no server-side state, so any replica
 * sharing the key can continue a page another served; it is opaque and integrity-protected, so a member can neither
 * read from it how many objects others added between its pages nor forge a position.
 */
public record PageCursor(long afterSequence) {

    private static final String PREFIX = "c1";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static volatile SecretKeySpec key = randomKey();

    public PageCursor {
        if (afterSequence < 0) {
            throw new IllegalArgumentException("cursor position must not be negative");
        }
    }

    public static final PageCursor START = new PageCursor(0);

    /**
     * Sets the key cursors are sealed with: 32 bytes derived from the exchange's secret, the same on every replica.
     * Until it is set (unit tests without a database), a random key of this process seals them.
     */
    public static void useKey(byte[] secret) {
        if (secret == null || secret.length != 32) {
            throw new IllegalArgumentException("a cursor key is 32 bytes");
        }
        key = new SecretKeySpec(secret.clone(), "AES");
    }

    /**
     * The sealed form. The nonce is derived from the position (a synthetic IV), so one position always gives the same
     * token: a page that did not change is answered byte for byte alike, and a nonce never seals two positions.
     */
    public String encode() {
        try {
            byte[] iv = syntheticIv(afterSequence);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(PREFIX.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(afterSequence).array());
            byte[] token = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, token, 0, IV_BYTES);
            System.arraycopy(sealed, 0, token, IV_BYTES, sealed.length);
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(token);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java platform", e);
        }
    }

    /** Decodes a {@code next} parameter; a value this exchange did not issue, or altered, is a 400. */
    public static PageCursor decode(String next) {
        try {
            if (!next.startsWith(PREFIX)) {
                throw new IllegalArgumentException("unknown cursor form");
            }
            byte[] token = Base64.getUrlDecoder().decode(next.substring(PREFIX.length()));
            if (token.length <= IV_BYTES) {
                throw new IllegalArgumentException("cursor too short");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, Arrays.copyOf(token, IV_BYTES)));
            cipher.updateAAD(PREFIX.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            byte[] plain = cipher.doFinal(token, IV_BYTES, token.length - IV_BYTES);
            if (plain.length != Long.BYTES) {
                throw new IllegalArgumentException("cursor of the wrong length");
            }
            return new PageCursor(ByteBuffer.wrap(plain).getLong());
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw TaxiiException.badRequest(TaxiiSection.PAGINATION, "the 'next' parameter '" + next
                    + "' is not a paging cursor issued by this exchange");
        }
    }

    private static byte[] syntheticIv(long position) throws GeneralSecurityException {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
        mac.update("taxii/page-cursor/iv".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return Arrays.copyOf(mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(position).array()), IV_BYTES);
    }

    private static SecretKeySpec randomKey() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return new SecretKeySpec(secret, "AES");
    }
}
