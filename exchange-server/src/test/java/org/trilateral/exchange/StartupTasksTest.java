package org.trilateral.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.r2dbc.core.DatabaseClient;
import org.trilateral.exchange.support.ExchangeIntegrationTest;

/**
 * The start-up tasks (checkpoint key, bootstrap members and keys, reference data) are done before the web server opens
 * its port: a probe that runs after all of them finds their work in the database and the server not yet listening.
 */
@Import(StartupTasksTest.Probe.class)
class StartupTasksTest extends ExchangeIntegrationTest {

    /** What the database and the web server looked like when the last start-up task ran. */
    record Seen(int port, long members, long keys, long referenceObjects, long logSize) {
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Probe {

        static final AtomicReference<Seen> SEEN = new AtomicReference<>();

        @Bean
        @Order(Ordered.LOWEST_PRECEDENCE)
        StartupTask probe(ApplicationContext context, DatabaseClient db) {
            return () -> SEEN.set(new Seen(((WebServerApplicationContext) context).getWebServer().getPort(),
                    count(db, "SELECT count(*) FROM member WHERE id = '" + MEMBER + "'"),
                    count(db, "SELECT count(*) FROM member_key WHERE member_id = '" + MEMBER + "'"),
                    count(db, "SELECT count(*) FROM stix_object"),
                    count(db, "SELECT size FROM log_state WHERE id = 1")));
        }

        private static long count(DatabaseClient db, String sql) {
            return db.sql(sql).map((row, meta) -> ((Number) row.get(0)).longValue()).one().block();
        }
    }

    @Autowired
    private ApplicationContext context;

    @Test
    void startWhenTasksRunThenTheyAreDoneBeforeThePortOpens() {
        Seen seen = Probe.SEEN.get();

        assertThat(seen).as("the probe ran as a start-up task").isNotNull();
        assertThat(seen.port()).as("the web server's port while the tasks ran").isEqualTo(-1);
        assertThat(seen.members()).as("bootstrap member").isEqualTo(1);
        assertThat(seen.keys()).as("its bootstrap key").isEqualTo(1);
        assertThat(seen.referenceObjects()).as("reference data").isPositive();
        assertThat(seen.logSize()).as("log leaves of the key event and the reference data").isGreaterThan(seen.referenceObjects());
        assertThat(((WebServerApplicationContext) context).getWebServer().getPort()).isEqualTo(port);
    }
}
