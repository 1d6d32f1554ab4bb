package org.trilateral.integrity.oprf;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds the byte strings RFC 9497 hashes: I2OSP integers, length-prefixed fields and ASCII labels. */
final class Transcript {

    /** Inputs, infos and transcript fields are length-prefixed with I2OSP(len, 2), so none may exceed this. */
    static final int MAX_FIELD_BYTES = 0xffff;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

    /** I2OSP(value, length) (RFC 8017 §4.1). */
    Transcript i2osp(int value, int length) {
        for (int i = length - 1; i >= 0; i--) {
            out.write((value >>> (8 * i)) & 0xff);
        }
        return this;
    }

    /** I2OSP(len(bytes), 2) || bytes. */
    Transcript lengthPrefixed(byte[] bytes) {
        return i2osp(bytes.length, 2).raw(bytes);
    }

    Transcript raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    Transcript label(String ascii) {
        return raw(ascii.getBytes(StandardCharsets.US_ASCII));
    }

    byte[] toBytes() {
        return out.toByteArray();
    }

    /** Refuses a field that I2OSP(len, 2) cannot frame. */
    static void requireFramable(byte[] bytes, String what) {
        if (bytes == null) {
            throw new OprfException(OprfException.Kind.INVALID_INPUT, what + " is missing");
        }
        if (bytes.length > MAX_FIELD_BYTES) {
            throw new OprfException(OprfException.Kind.INVALID_INPUT, what + " is " + bytes.length
                    + " bytes; RFC 9497 frames it with a two-byte length, so at most " + MAX_FIELD_BYTES);
        }
    }
}
