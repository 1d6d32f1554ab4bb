package org.trilateral.integrity.merkle;

/** A Merkle proof, or a request to generate one, is malformed or does not prove what it claims. */
public final class InvalidProofException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message says which check failed */
    public InvalidProofException(String message) {
        super(message);
    }
}
