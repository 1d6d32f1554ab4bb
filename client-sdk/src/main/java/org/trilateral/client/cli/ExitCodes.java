package org.trilateral.client.cli;

import org.trilateral.client.AuthenticationException;
import org.trilateral.client.NotFoundException;
import org.trilateral.client.PermissionException;
import org.trilateral.client.ValidationException;

/** The exit codes scripts can rely on; documented in docs/sdk.md. */
public final class ExitCodes {

    /** Everything succeeded. */
    public static final int OK = 0;
    /** The command line was wrong (unknown option, missing argument, bad value). */
    public static final int USAGE = 1;
    /** Authentication or permission failed. */
    public static final int AUTH = 2;
    /** The exchange refused the request or some objects (validation). */
    public static final int REFUSED = 3;
    /** An object or the log failed verification. */
    public static final int VERIFICATION = 4;
    /** The exchange could not be reached or failed (network, 5xx, rate limit, malformed answer). */
    public static final int UNAVAILABLE = 5;

    private ExitCodes() {
    }

    /** The exit code for a failure. */
    static int of(Throwable failure) {
        if (failure instanceof AuthenticationException || failure instanceof PermissionException) {
            return AUTH;
        }
        if (failure instanceof org.trilateral.client.TokenVerificationException) {
            return VERIFICATION;
        }
        if (failure instanceof ValidationException || failure instanceof NotFoundException
                || failure instanceof IllegalArgumentException || failure instanceof IllegalStateException) {
            return REFUSED;
        }
        return UNAVAILABLE;
    }
}
