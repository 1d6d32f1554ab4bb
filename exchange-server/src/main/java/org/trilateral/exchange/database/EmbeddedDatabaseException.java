package org.trilateral.exchange.database;

/**
 * Why the embedded PostgreSQL cannot be used, and what the operator does about it: both one line, so that a start
 * that fails for this reason prints that line and no stack trace ({@link EmbeddedDatabaseFailureReporter}).
 */
public final class EmbeddedDatabaseException extends IllegalStateException {

    private final String description;
    private final String action;

    EmbeddedDatabaseException(String description, String action) {
        this(description, action, null);
    }

    EmbeddedDatabaseException(String description, String action, Throwable cause) {
        super(description + ": " + action, cause);
        this.description = description;
        this.action = action;
    }

    /** What is wrong, naming the data directory and, where one is involved, the process. */
    public String description() {
        return description;
    }

    /** What to do about it. */
    public String action() {
        return action;
    }
}
