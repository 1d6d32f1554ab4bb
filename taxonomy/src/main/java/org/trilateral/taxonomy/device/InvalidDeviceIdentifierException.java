package org.trilateral.taxonomy.device;

/** A device identifier the exchange refuses; the message says what is wrong with it. */
public final class InvalidDeviceIdentifierException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, naming the offending part */
    public InvalidDeviceIdentifierException(String message) {
        super(message);
    }
}
