package org.trilateral.client;

/**
 * The exchange's answer to a persona-token request did not prove that it used its published key of the epoch (RFC
 * 9497 §2.2 DLEQ proof), or it published a different key for an epoch this client already knew. Tokens from such an
 * answer could be meant for this member only (a tracking key), so none is returned.
 */
public class TokenVerificationException extends ExchangeException {

    public TokenVerificationException(String message, Throwable cause) {
        super(message, cause);
    }
}
