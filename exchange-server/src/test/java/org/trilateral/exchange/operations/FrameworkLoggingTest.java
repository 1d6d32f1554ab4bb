package org.trilateral.exchange.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.springframework.core.log.LogMessage;

/**
 * Spring's own classes log through Commons Logging, often as {@code logger.debug(LogMessage.format(...))} without asking
 * whether debug is on, because a {@link LogMessage} is only formatted when it is written. Commons Logging 1.3's SLF4J
 * adapter formats every message before asking (its {@code log} calls {@code String.valueOf}): with it, each request
 * formatted a "Trying to match using ..." line per security matcher tried, and the matchers' descriptions with it. The
 * exchange names Commons Logging's Log4j API adapter instead (META-INF/services), which asks first; Log4j's API reaches
 * Logback through log4j-to-slf4j, so what is written is unchanged.
 */
class FrameworkLoggingTest {

    @Test
    void debugWhenDisabledThenTheMessageIsNeverFormatted() {
        Log log = LogFactory.getLog("org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher");
        AtomicInteger formatted = new AtomicInteger();
        Object described = new Object() {
            @Override
            public String toString() {
                formatted.incrementAndGet();
                return "a matcher";
            }
        };

        assertThat(log.isDebugEnabled()).isFalse();
        log.debug(LogMessage.format("Trying to match using %s", described));

        assertThat(formatted).hasValue(0);
    }

    @Test
    void infoWhenEnabledThenWrittenThroughTheSameAdapter() {
        Log log = LogFactory.getLog(FrameworkLoggingTest.class);

        assertThat(log.getClass().getName()).startsWith("org.apache.commons.logging.impl.Log4jApiLogFactory");
        assertThat(log.isInfoEnabled()).isTrue();
    }
}
