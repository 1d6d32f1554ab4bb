package org.trilateral.client.internal;

import java.util.Objects;

/** A bearer token given once; nothing to renew. */
public final class FixedTokenSource implements TokenSource {

    private final String token;

    public FixedTokenSource(String token) {
        this.token = Objects.requireNonNull(token, "token");
    }

    @Override
    public String token() {
        return token;
    }

    @Override
    public boolean invalidate(String refused) {
        return false;
    }
}
