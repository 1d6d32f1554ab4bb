package org.trilateral.taxonomy.persona;

/** An input that cannot be normalised into a persona identifier; the message says what is wrong with it. */
public final class InvalidPersonaIdentifierException extends IllegalArgumentException {

    public InvalidPersonaIdentifierException(String message) {
        super(message);
    }

    public InvalidPersonaIdentifierException(String message, Throwable cause) {
        super(message, cause);
    }
}
