package org.trilateral.exchange.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code backup <file>} and {@code restore <file>}, run through the exchange's own entry point
 * ({@code java -jar exchange-server-<version>-exec.jar backup exchange-backup.zip}). They find the database exactly
 * as the exchange does (application.yaml, environment variables, {@code --exchange.database.*} arguments):
 *
 * <ul>
 *   <li>{@code backup} writes {@link DatabaseBackup a consistent copy} of the database to a new file. On the embedded
 *       server's data directory it reads from the running exchange's server if there is one (no downtime), otherwise
 *       it starts the server on the directory for the time of the backup.</li>
 *   <li>{@code restore} loads a backup into an empty database: for the embedded server, a new data directory (it
 *       refuses one that an exchange is using or that holds data). Then start the exchange on it.</li>
 * </ul>
 *
 * Exit codes: 0 done, 1 refused or failed (one line on standard error says why and what to do), 2 usage.
 */
public final class DatabaseCommand {

    private static final String USAGE = """
            usage: backup <file> [--exchange.database.*=...]   write a backup of the exchange's database to a new file
                   restore <file> [--exchange.database.*=...]  restore a backup into an empty database (a new data directory)
            The database is the one the exchange would use with the same configuration (docs/deployment.md).""";

    private DatabaseCommand() {
    }

    /** Whether {@code args} ask for a database command rather than the exchange. */
    public static boolean handles(String[] args) {
        return args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"));
    }

    /** Runs the command and answers its exit code. */
    public static int run(String... args) {
        List<String> files = new ArrayList<>();
        List<String> options = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            (args[i].startsWith("--") ? options : files).add(args[i]);
        }
        if (!handles(args) || files.size() != 1) {
            System.err.println(USAGE);
            return 2;
        }
        Path file = Path.of(files.get(0)).toAbsolutePath().normalize();
        try {
            DatabaseProperties database = settings(options);
            if (args[0].equals("backup")) {
                DatabaseBackup.Summary summary = backup(database, file);
                System.out.println("Backed up the exchange's database (schema version " + summary.schemaVersion() + ", "
                        + summary.rows().size() + " tables, " + summary.totalRows() + " rows) to " + file);
            } else {
                DatabaseBackup.Summary summary = restore(database, file);
                System.out.println("Restored " + file + " (schema version " + summary.schemaVersion() + ", "
                        + summary.rows().size() + " tables, " + summary.totalRows() + " rows) into " + where(database)
                        + "; start the exchange on it");
            }
            return 0;
        } catch (EmbeddedDatabaseException e) {
            System.err.println(e.getMessage());
            return 1;
        }
    }

    private static DatabaseBackup.Summary backup(DatabaseProperties database, Path file) {
        if (Files.exists(file)) {
            throw new EmbeddedDatabaseException("the backup file " + file + " exists already",
                    "name a new file: a backup never overwrites one");
        }
        if (!database.useEmbedded()) {
            return DatabaseBackup.backup(DatabaseConfiguration.configured(database), file);
        }
        Path dataDirectory = database.embedded().dataDirectory().toAbsolutePath().normalize();
        if (!Files.exists(dataDirectory.resolve("PG_VERSION"))) {
            throw new EmbeddedDatabaseException("there is no database in " + dataDirectory, "name the exchange's data"
                    + " directory with --exchange.database.embedded.data-directory=<path>");
        }
        if (DataDirectoryLock.held(dataDirectory)) {
            // Online: the running exchange's server serves the snapshot; it keeps serving members meanwhile.
            Postmaster server = Postmaster.running(dataDirectory).filter(p -> p.port() > 0).orElseThrow(() ->
                    new EmbeddedDatabaseException("an exchange owns " + dataDirectory + " but its PostgreSQL is not running",
                            "wait until the exchange has started (or stop it) and back up again"));
            return DatabaseBackup.backup(new DatabaseEndpoint("localhost", server.port(), EmbeddedPostgresServer.DATABASE,
                    "postgres", "postgres", true), file);
        }
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(database.embedded());
        try {
            return DatabaseBackup.backup(server.endpoint(), file);
        } finally {
            stop(server);
        }
    }

    private static DatabaseBackup.Summary restore(DatabaseProperties database, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new EmbeddedDatabaseException("there is no backup file " + file, "name the file that backup wrote");
        }
        if (!database.useEmbedded()) {
            return DatabaseBackup.restore(DatabaseConfiguration.configured(database), file);
        }
        Path dataDirectory = database.embedded().dataDirectory().toAbsolutePath().normalize();
        DataDirectoryLock.requireFree(dataDirectory);
        if (Files.exists(dataDirectory.resolve("PG_VERSION"))) {
            throw new EmbeddedDatabaseException("data directory " + dataDirectory + " already holds a database",
                    "restore into a new directory (--exchange.database.embedded.data-directory=<path>), or move this"
                            + " one aside first");
        }
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(database.embedded());
        try {
            return DatabaseBackup.restore(server.endpoint(), file);
        } finally {
            stop(server);
        }
    }

    private static String where(DatabaseProperties database) {
        return database.useEmbedded()
                ? "data directory " + database.embedded().dataDirectory().toAbsolutePath().normalize()
                : DatabaseConfiguration.configured(database).describe();
    }

    private static void stop(EmbeddedPostgresServer server) {
        try {
            server.destroy();
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop the embedded PostgreSQL", e);
        }
    }

    /** The exchange's database settings, bound as the exchange binds them. */
    private static DatabaseProperties settings(List<String> options) {
        SpringApplication application = new SpringApplication(Settings.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setBannerMode(Banner.Mode.OFF);
        application.setLogStartupInfo(false);
        try (ConfigurableApplicationContext context = application.run(options.toArray(String[]::new))) {
            return Binder.get(context.getEnvironment()).bindOrCreate("exchange.database", DatabaseProperties.class);
        }
    }

    /** The only bean of the settings context: the command needs the exchange's environment, nothing else. */
    static final class Settings {
    }
}
