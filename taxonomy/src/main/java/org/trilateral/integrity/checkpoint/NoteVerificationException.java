package org.trilateral.integrity.checkpoint;

/** A signed note is well formed but not acceptable: a known key's signature is invalid, or no known key signed. */
public final class NoteVerificationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message says which key failed or that none was known */
    public NoteVerificationException(String message) {
        super(message);
    }
}
