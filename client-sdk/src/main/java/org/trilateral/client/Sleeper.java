package org.trilateral.client;

import java.time.Duration;

/**
 * Waits between retries and while a status is pending. Injectable so that tests never really sleep; the default
 * is {@link Thread#sleep}.
 */
@FunctionalInterface
public interface Sleeper {

    /** The sleeper that really sleeps. */
    Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

    /** Waits for {@code duration}; an interrupt ends the wait early. */
    void sleep(Duration duration) throws InterruptedException;
}
