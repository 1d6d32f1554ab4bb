package org.trilateral.exchange.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringBootExceptionReporter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Reports a start that failed on the embedded PostgreSQL (its data directory in use, a stale server that would not
 * stop, a server that did not start) as the one line of its {@link EmbeddedDatabaseException}: what is wrong and what
 * to do, instead of a stack trace whose cause is the eighth "Caused by" of a bean creation. Registered in
 * {@code META-INF/spring.factories}, before Spring Boot's failure analyzers.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class EmbeddedDatabaseFailureReporter implements SpringBootExceptionReporter {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    @Override
    public boolean reportException(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof EmbeddedDatabaseException reason) {
                log.error(reason.getMessage());
                return true;
            }
        }
        return false;
    }
}
