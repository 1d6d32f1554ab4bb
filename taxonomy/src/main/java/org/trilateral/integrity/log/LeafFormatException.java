package org.trilateral.integrity.log;

/** A leaf, an opening or a key statement that is not of the documented form; the message names what is wrong. */
public final class LeafFormatException extends RuntimeException {

    public LeafFormatException(String message) {
        super(message);
    }

    public LeafFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
