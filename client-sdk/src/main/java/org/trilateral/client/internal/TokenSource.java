package org.trilateral.client.internal;

/** Supplies the access token the client sends to the exchange. Implementations are thread-safe. */
public interface TokenSource {

    /** A token that is valid now, obtaining or renewing one when needed. */
    String token();

    /**
     * Forgets {@code token} after the exchange refused it (401), so that {@link #token()} obtains a new one.
     *
     * @return true if a different token can be obtained, false if the token is fixed
     */
    boolean invalidate(String token);
}
