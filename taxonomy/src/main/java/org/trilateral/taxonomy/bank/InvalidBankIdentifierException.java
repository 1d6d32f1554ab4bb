package org.trilateral.taxonomy.bank;

/** A bank identifier the exchange refuses; the message says which rule it breaks. */
public final class InvalidBankIdentifierException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** @param message which rule the input breaks, naming the offending part */
    public InvalidBankIdentifierException(String message) {
        super(message);
    }
}
