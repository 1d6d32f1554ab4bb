package org.trilateral.exchange.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded server on its own: durable unless told otherwise, one owner per data directory, and a server left
 * running by an owner that is gone is stopped and replaced.
 */
class EmbeddedPostgresServerTest {

    @TempDir
    Path temp;

    private static DatabaseProperties.Embedded settings(Path dataDirectory, int port, boolean durable) {
        return new DatabaseProperties.Embedded(dataDirectory, port, durable, Duration.ofSeconds(60), Duration.ofSeconds(60));
    }

    @Test
    void startWhenDefaultSettingsThenFsyncSynchronousCommitAndFullPageWritesOn() throws Exception {
        DatabaseProperties defaults = new org.springframework.boot.context.properties.bind.Binder()
                .bindOrCreate("exchange.database", DatabaseProperties.class);
        assertThat(defaults.embedded().durable()).isTrue();
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(settings(temp.resolve("pg"), 0, true));
        try {
            assertThat(durability(server)).containsExactly(
                    Map.entry("fsync", "on"), Map.entry("synchronous_commit", "on"), Map.entry("full_page_writes", "on"));
        } finally {
            server.destroy();
        }
    }

    @Test
    void startWhenNotDurableThenAllThreeOff() throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(settings(temp.resolve("pg"), 0, false));
        try {
            assertThat(durability(server)).containsExactly(
                    Map.entry("fsync", "off"), Map.entry("synchronous_commit", "off"), Map.entry("full_page_writes", "off"));
        } finally {
            server.destroy();
        }
    }

    @Test
    void startWhenDirectoryOwnedByARunningExchangeThenOneLineNamingDirectoryProcessAndWhatToDo() throws Exception {
        Path dataDirectory = temp.resolve("pg");
        EmbeddedPostgresServer first = EmbeddedPostgresServer.start(settings(dataDirectory, 0, false));
        try {
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(settings(dataDirectory, 0, false)))
                    .isInstanceOfSatisfying(EmbeddedDatabaseException.class, e -> {
                        assertThat(e.getMessage()).doesNotContain("\n")
                                .contains("data directory " + dataDirectory + " is in use by exchange process "
                                        + ProcessHandle.current().pid())
                                .contains("--exchange.database.embedded.data-directory=");
                        assertThat(e.action()).startsWith("stop that exchange (kill " + ProcessHandle.current().pid() + ")");
                    });
            // The refused start touched nothing: the first server still answers.
            assertThat(durability(first)).containsEntry("fsync", "off");
        } finally {
            first.destroy();
        }
        assertThat(Postmaster.running(dataDirectory)).isEmpty();
        assertThat(DataDirectoryLock.owner(DataDirectoryLock.fileOf(dataDirectory)))
                .hasValueSatisfying(owner -> assertThat(owner.pid()).isEqualTo(ProcessHandle.current().pid()));
    }

    @Test
    void startWhenServerLeftRunningWithoutOwnerThenStopsItAndStartsOnTheSameData() throws Exception {
        Path dataDirectory = temp.resolve("pg");
        EmbeddedPostgresServer first = EmbeddedPostgresServer.start(settings(dataDirectory, 0, false));
        Path pgCtl;
        try (Connection connection = connect(first); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE kept (v TEXT)");
            statement.execute("INSERT INTO kept VALUES ('before the crash')");
            pgCtl = Postmaster.running(dataDirectory).orElseThrow().pgCtl().orElseThrow();
        } finally {
            first.destroy();
        }
        // What a killed exchange leaves: a server on the directory, and nobody holding the lock.
        int port = freePort();
        String output = Postmaster.run(pgCtl, Duration.ofSeconds(60), "start", "-D", dataDirectory.toString(), "-w",
                "-t", "60", "-o", "-p " + port, "-l", temp.resolve("orphan.log").toString());
        Postmaster orphan = Postmaster.running(dataDirectory).orElseThrow(() -> new AssertionError("not started: " + output));
        assertThat(orphan.port()).isEqualTo(port);

        EmbeddedPostgresServer second = EmbeddedPostgresServer.start(settings(dataDirectory, 0, false));
        try {
            assertThat(ProcessHandle.of(orphan.pid()).filter(ProcessHandle::isAlive)).isEmpty();
            assertThat(Postmaster.running(dataDirectory).orElseThrow().pid()).isNotEqualTo(orphan.pid());
            try (Connection connection = connect(second); Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT v FROM kept")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("before the crash");
            }
        } finally {
            second.destroy();
        }
    }

    @Test
    void startWhenConfiguredPortTakenThenOneLineNamingThePortAndTheSetting() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(settings(temp.resolve("pg"), taken.getLocalPort(), false)))
                    .isInstanceOf(EmbeddedDatabaseException.class)
                    .hasMessage("port " + taken.getLocalPort() + " (exchange.database.embedded.port) is in use by another"
                            + " program: free it, or set exchange.database.embedded.port=0 to pick a free port at each start");
        }
        // The refusal released the directory.
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(settings(temp.resolve("pg"), 0, false));
        server.destroy();
        assertThat(Files.exists(temp.resolve("pg.lock"))).isTrue();
    }

    private static Map<String, String> durability(EmbeddedPostgresServer server) throws SQLException {
        Map<String, String> settings = new LinkedHashMap<>();
        try (Connection connection = connect(server); Statement statement = connection.createStatement()) {
            for (String name : new String[] {"fsync", "synchronous_commit", "full_page_writes"}) {
                try (ResultSet rs = statement.executeQuery("SHOW " + name)) {
                    rs.next();
                    settings.put(name, rs.getString(1));
                }
            }
        }
        return settings;
    }

    private static Connection connect(EmbeddedPostgresServer server) throws SQLException {
        DatabaseEndpoint endpoint = server.endpoint();
        return DriverManager.getConnection(endpoint.jdbcUrl(), endpoint.username(), endpoint.password());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
