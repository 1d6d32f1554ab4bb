package org.trilateral.exchange.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a start that failed on the embedded PostgreSQL (data directory in use, a stale server that would not stop,
 * a server that did not start) as its one-line description and action instead of the stack trace of the bean
 * creation that wrapped it. Registered in {@code META-INF/spring.factories}.
 */
class EmbeddedDatabaseFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedDatabaseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedDatabaseException cause) {
        return new FailureAnalysis(cause.description(), cause.action(), cause);
    }
}
