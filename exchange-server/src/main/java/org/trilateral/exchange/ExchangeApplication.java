package org.trilateral.exchange;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.trilateral.exchange.database.DatabaseCommand;

/**
 * The trilateral indicator exchange: a TAXII 2.1 server over PostgreSQL. {@code backup <file>} and
 * {@code restore <file>} as first arguments run the database commands instead (docs/deployment.md).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ExchangeApplication {

    public static void main(String[] args) {
        if (DatabaseCommand.handles(args)) {
            System.exit(DatabaseCommand.run(args));
        }
        SpringApplication.run(ExchangeApplication.class, args);
    }
}
