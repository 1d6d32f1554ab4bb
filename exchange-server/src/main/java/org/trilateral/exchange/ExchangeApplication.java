package org.trilateral.exchange;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.trilateral.exchange.database.DataDirectoryInUseCheck;
import org.trilateral.exchange.database.DatabaseCommand;

/**
 * The trilateral indicator exchange: a TAXII 2.1 server over PostgreSQL. {@code backup <file>} and
 * {@code restore <file>} as first arguments run the database commands instead (docs/deployment.md).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ExchangeApplication {

    /**
     * The one clock of the exchange: request times, key validity, member and key timestamps and token lifetimes all
     * read it, so a test can replace it and never sleep. The database's own clock still stamps {@code date_added}
     * and log acceptance times, which must grow in commit order.
     */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    public static void main(String[] args) {
        if (DatabaseCommand.handles(args)) {
            System.exit(DatabaseCommand.run(args));
        }
        SpringApplication exchange = new SpringApplication(ExchangeApplication.class);
        // Before the context exists: a second exchange on a data directory in use fails with one line.
        exchange.addListeners(new DataDirectoryInUseCheck());
        exchange.run(args);
    }
}
