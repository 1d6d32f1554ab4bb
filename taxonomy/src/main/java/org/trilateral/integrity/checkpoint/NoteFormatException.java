package org.trilateral.integrity.checkpoint;

/** A note, checkpoint, signature line or key text is not in the C2SP format; the message says which rule broke. */
public final class NoteFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message names the line or value and the rule it breaks */
    public NoteFormatException(String message) {
        super(message);
    }

    /** @param message names the line or value and the rule it breaks */
    public NoteFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
