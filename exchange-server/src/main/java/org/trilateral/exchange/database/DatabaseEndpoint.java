package org.trilateral.exchange.database;

import java.util.Objects;

/** The coordinates of the PostgreSQL database in use, in the two forms its clients need. */
record DatabaseEndpoint(String host, int port, String database, String username, String password, boolean embedded) {

    DatabaseEndpoint {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(database, "database");
    }

    String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** For the log: never the password. */
    String describe() {
        return (embedded ? "embedded PostgreSQL" : "PostgreSQL") + " at " + host + ":" + port + "/" + database;
    }
}
