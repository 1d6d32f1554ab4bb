package org.trilateral.exchange;

/**
 * Work the exchange does once at start-up, after the database is migrated and before the web server opens its port,
 * so the first request already finds it done. Tasks run one after the other in their {@code @Order}, on the main
 * thread, where waiting is allowed; a task that throws stops the start.
 */
@FunctionalInterface
public interface StartupTask {

    void run();
}
