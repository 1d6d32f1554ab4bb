package org.trilateral.taxonomy.persona;

/** An input that cannot be normalised into a persona identifier; the message says what is wrong with it. */
public final class InvalidPersonaIdentifierException extends IllegalArgumentException {

    /** @param message what is wrong with the input */
    public InvalidPersonaIdentifierException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong with the input
     * @param cause the exception of the parser that refused it
     */
    public InvalidPersonaIdentifierException(String message, Throwable cause) {
        super(message, cause);
    }
}
