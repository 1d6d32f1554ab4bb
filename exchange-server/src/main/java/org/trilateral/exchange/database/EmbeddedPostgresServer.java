package org.trilateral.exchange.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * A real PostgreSQL server started from Java for the one-command run. Its data directory is kept across restarts, so
 * what members published survives a restart of the exchange, and by default the server is durable: a commit is on
 * disk before the exchange acknowledges it.
 *
 * <p>One exchange at a time owns the directory ({@link DataDirectoryLock}). A server still running on it when the
 * owner is gone was left by an exchange that was killed: it is stopped cleanly before the new one starts, so the
 * exchange comes back by the same command. While the exchange runs, a watchdog stops the server if the JVM is
 * killed ({@link PostmasterWatchdog}); a normal exit stops it through the context's shutdown.
 */
final class EmbeddedPostgresServer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    static final String DATABASE = "exchange";

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final DataDirectoryLock lock;
    private final Optional<PostmasterWatchdog> watchdog;
    private final Duration stopTimeout;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory, DataDirectoryLock lock,
                                   Optional<PostmasterWatchdog> watchdog, Duration stopTimeout) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.lock = lock;
        this.watchdog = watchdog;
        this.stopTimeout = stopTimeout;
    }

    /**
     * Takes the data directory, stops a server left on it by an exchange that is gone, and starts the server.
     *
     * @throws EmbeddedDatabaseException when another exchange uses the directory, or the server cannot be started
     */
    static EmbeddedPostgresServer start(DatabaseProperties.Embedded settings) {
        Path dataDirectory = settings.dataDirectory().toAbsolutePath().normalize();
        DataDirectoryLock lock = DataDirectoryLock.acquire(dataDirectory);
        try {
            stopStaleServer(dataDirectory, settings.stopTimeout());
            requirePortFree(settings.port());
            EmbeddedPostgres postgres = startServer(dataDirectory, settings);
            Optional<PostmasterWatchdog> watchdog = Postmaster.running(dataDirectory)
                    .flatMap(own -> PostmasterWatchdog.start(own, settings.stopTimeout()));
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, dataDirectory, lock, watchdog,
                    settings.stopTimeout());
            server.createDatabaseIfAbsent();
            if (settings.durable()) {
                log.info("Started embedded PostgreSQL on port {} with data directory {} (durable: fsync,"
                        + " synchronous_commit and full_page_writes on)", postgres.getPort(), dataDirectory);
            } else {
                log.warn("Started embedded PostgreSQL on port {} with data directory {} NOT DURABLE"
                        + " (exchange.database.embedded.durable=false: fsync, synchronous_commit and full_page_writes"
                        + " off); a crash of the machine can lose acknowledged objects", postgres.getPort(), dataDirectory);
            }
            return server;
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** The configuration that makes a commit durable, or, for tests, fast. */
    static void configure(EmbeddedPostgres.Builder builder, boolean durable) {
        // The library starts the server with -F (fsync off) and synchronous_commit=off; these -c options come after
        // -F on the command line, and the last setting of a parameter wins.
        String value = durable ? "on" : "off";
        builder.setServerConfig("fsync", value)
                .setServerConfig("synchronous_commit", value)
                .setServerConfig("full_page_writes", value);
    }

    private static EmbeddedPostgres startServer(Path dataDirectory, DatabaseProperties.Embedded settings) {
        Path serverLog = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".log");
        try {
            Files.createDirectories(dataDirectory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(settings.port())
                    .setPGStartupWait(settings.startupTimeout())
                    // The context's shutdown stops the server after the connection pool is closed; the library's own
                    // hook would race with it.
                    .setRegisterShutdownHook(false)
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(serverLog.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(serverLog.toFile()));
            configure(builder, settings.durable());
            return builder.start();
        } catch (IOException | RuntimeException e) {
            // A server that came up too late is stopped, not left behind.
            Postmaster.running(dataDirectory).ifPresent(p -> p.stop(settings.stopTimeout(), "that did not start in time"));
            throw new EmbeddedDatabaseException("the embedded PostgreSQL did not start on data directory " + dataDirectory
                    + " (" + e.getMessage() + ")", "see its log, " + serverLog + "; a server recovering from a crash may"
                    + " need longer than exchange.database.embedded.startup-timeout (" + settings.startupTimeout().toSeconds()
                    + " s)", e);
        }
    }

    /**
     * Stops a server that still runs on the directory although no exchange owns it (the caller holds the lock): the
     * exchange that started it was killed before it could stop it.
     */
    private static void stopStaleServer(Path dataDirectory, Duration timeout) {
        Optional<Postmaster> found = Postmaster.running(dataDirectory);
        if (found.isEmpty()) {
            return;
        }
        Postmaster stale = found.get();
        if (stale.binary().isEmpty()) {
            throw new EmbeddedDatabaseException("data directory " + dataDirectory + " has a " + Postmaster.PID_FILE
                    + " naming process " + stale.pid() + ", which this user cannot inspect",
                    "stop that process if it is a PostgreSQL server on this directory, then start the exchange again");
        }
        if (!stale.isPostgres()) {
            // The recorded id now belongs to another program (the server ended with the machine, say): the file is stale.
            log.warn("Removing {} of data directory {}: its process {} is not a PostgreSQL server but {}",
                    Postmaster.PID_FILE, dataDirectory, stale.pid(), stale.binary().get());
            try {
                Files.deleteIfExists(dataDirectory.resolve(Postmaster.PID_FILE));
            } catch (IOException e) {
                throw new EmbeddedDatabaseException("cannot remove the stale " + dataDirectory.resolve(Postmaster.PID_FILE)
                        + ": " + e.getMessage(), "remove it by hand and start the exchange again", e);
            }
            return;
        }
        log.warn("A PostgreSQL server (process {}, port {}) still runs on data directory {} although no exchange owns it"
                + " (the last one was killed): stopping it before starting anew", stale.pid(), stale.port(), dataDirectory);
        stale.stop(timeout, "left by an exchange that is no longer running");
        log.info("Stopped the stale PostgreSQL server (process {})", stale.pid());
    }

    private static void requirePortFree(int port) {
        if (port == 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("port " + port + " (exchange.database.embedded.port) is in use by another"
                    + " program", "free it, or set exchange.database.embedded.port=0 to pick a free port at each start", e);
        }
    }

    DatabaseEndpoint endpoint() {
        return new DatabaseEndpoint("localhost", postgres.getPort(), DATABASE, "postgres", "postgres", true);
    }

    private void createDatabaseIfAbsent() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the database '" + DATABASE + "' in the embedded PostgreSQL", e);
        }
    }

    /** Stops the server (the pool is closed first: it depends on this bean), then gives up the directory. */
    @Override
    public void destroy() throws IOException {
        watchdog.ifPresent(PostmasterWatchdog::close);
        try {
            postgres.close();
            // The library waits 5 s; a shutdown checkpoint after heavy ingest can take longer.
            Postmaster.running(dataDirectory).ifPresent(p -> p.stop(stopTimeout, "of this exchange"));
        } finally {
            lock.close();
        }
    }
}
