package org.trilateral.exchange.database;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A consistent copy of the exchange's database in one ZIP file, and its restoration into an empty database.
 *
 * <p>The backup reads every table of the schema (but Flyway's history) in one {@code REPEATABLE READ READ ONLY}
 * transaction, so it is one snapshot even while members publish: the objects, their status resources and the
 * transparency log's leaves, subtrees and head agree, as they did at one commit. Each table is one entry in
 * PostgreSQL's {@code COPY} text format ({@code tables/<name>.tsv}); {@code manifest.json} names the schema version
 * (the last Flyway migration applied), each table's row count and SHA-256, and each sequence's position.
 *
 * <p>A restore migrates the empty database to the backup's schema version, loads the tables in the order of their
 * foreign keys, sets the sequences, and checks every count and digest, all in one transaction: it is whole or
 * nothing. The exchange migrates the rest at its next start, so a backup restores into a newer exchange.
 */
final class DatabaseBackup {

    static final String FORMAT = "trilateral-exchange-backup/1";
    static final String MANIFEST = "manifest.json";
    private static final String FLYWAY_HISTORY = "flyway_schema_history";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DatabaseBackup() {
    }

    /** What a backup holds: its manifest. */
    record Summary(String schemaVersion, Map<String, Long> rows) {

        long totalRows() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * Writes a backup of the database at {@code endpoint} to {@code file}, which must not exist yet; the file appears
     * only once complete.
     */
    static Summary backup(DatabaseEndpoint endpoint, Path file) {
        if (Files.exists(file)) {
            throw new EmbeddedDatabaseException("the backup file " + file + " exists already",
                    "name a new file: a backup never overwrites one");
        }
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try (Connection connection = connect(endpoint)) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Summary summary;
            try (OutputStream out = Files.newOutputStream(partial)) {
                summary = export(connection, out);
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            return summary;
        } catch (IOException | SQLException e) {
            throw new EmbeddedDatabaseException("the backup of " + endpoint.describe() + " to " + file + " failed: "
                    + e.getMessage(), "check that the database is reachable and the file's directory writable", e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // a leftover .partial file is never mistaken for a backup
            }
        }
    }

    /** Writes every table of the current schema, as one snapshot, to {@code out} as a ZIP. */
    static Summary export(Connection connection, OutputStream out) throws SQLException, IOException {
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(true);
        try {
            String schemaVersion = schemaVersion(connection);
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            ObjectNode manifest = JSON.createObjectNode();
            manifest.put("format", FORMAT);
            manifest.put("created", Instant.now().toString());
            manifest.put("schema_version", schemaVersion);
            manifest.put("server_version", connection.getMetaData().getDatabaseProductVersion());
            ArrayNode tables = manifest.putArray("tables");
            Map<String, Long> rows = new LinkedHashMap<>();
            try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
                for (String table : tables(connection)) {
                    zip.putNextEntry(new ZipEntry("tables/" + table + ".tsv"));
                    MessageDigest sha256 = sha256();
                    long count;
                    try (OutputStream entry = new DigestOutputStream(new KeepOpen(zip), sha256)) {
                        count = copy.copyOut("COPY " + quote(table) + " TO STDOUT", entry);
                    }
                    zip.closeEntry();
                    rows.put(table, count);
                    tables.addObject().put("name", table).put("rows", count)
                            .put("sha256", HexFormat.of().formatHex(sha256.digest()));
                }
                ArrayNode sequences = manifest.putArray("sequences");
                sequences(connection).forEach((name, value) -> sequences.addObject().put("name", name).put("last_value", value));
                zip.putNextEntry(new ZipEntry(MANIFEST));
                zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
                zip.closeEntry();
            }
            connection.commit();
            return new Summary(schemaVersion, rows);
        } catch (SQLException | IOException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    /**
     * Restores {@code file} into the empty database at {@code endpoint}.
     *
     * @throws EmbeddedDatabaseException when the database is not empty, the backup is not one or is damaged, or it
     *                                   was made by a newer exchange
     */
    static Summary restore(DatabaseEndpoint endpoint, Path file) {
        try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
            ZipEntry manifestEntry = zip.getEntry(MANIFEST);
            if (manifestEntry == null) {
                throw notABackup(file, "it has no " + MANIFEST);
            }
            JsonNode manifest;
            try (InputStream in = zip.getInputStream(manifestEntry)) {
                manifest = JSON.readTree(in);
            }
            if (!FORMAT.equals(manifest.path("format").asString(""))) {
                throw notABackup(file, "its format is '" + manifest.path("format").asString("") + "', not " + FORMAT);
            }
            String schemaVersion = manifest.path("schema_version").asString("");
            try (Connection connection = connect(endpoint)) {
                requireEmpty(connection, endpoint);
                migrate(endpoint, schemaVersion, file);
                Summary summary = load(connection, zip, manifest, file);
                return new Summary(schemaVersion, summary.rows());
            }
        } catch (IOException | SQLException e) {
            throw new EmbeddedDatabaseException("the restore of " + file + " into " + endpoint.describe() + " failed: "
                    + e.getMessage(), "nothing was loaded; fix the cause and restore again into an empty database", e);
        }
    }

    private static Summary load(Connection connection, ZipFile zip, JsonNode manifest, Path file)
            throws SQLException, IOException {
        Map<String, JsonNode> expected = new LinkedHashMap<>();
        manifest.path("tables").forEach(t -> expected.put(t.path("name").asString(""), t));
        connection.setAutoCommit(false);
        try {
            List<String> present = tables(connection);
            if (!present.containsAll(expected.keySet())) {
                Set<String> missing = new LinkedHashSet<>(expected.keySet());
                present.forEach(missing::remove);
                throw notABackup(file, "it holds tables " + missing + " that schema version "
                        + manifest.path("schema_version").asString("") + " does not have");
            }
            try (Statement statement = connection.createStatement()) {
                // Rows that migrations insert (the log's empty head) are replaced by the backup's.
                statement.execute("TRUNCATE " + String.join(", ", expected.keySet().stream().map(DatabaseBackup::quote).toList()));
            }
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            Map<String, Long> rows = new LinkedHashMap<>();
            for (String table : loadOrder(connection, expected.keySet())) {
                ZipEntry entry = zip.getEntry("tables/" + table + ".tsv");
                if (entry == null) {
                    throw notABackup(file, "it has no entry for table " + table);
                }
                MessageDigest sha256 = sha256();
                long count;
                try (InputStream in = new DigestInputStream(zip.getInputStream(entry), sha256)) {
                    count = copy.copyIn("COPY " + quote(table) + " FROM STDIN", in);
                }
                JsonNode want = expected.get(table);
                String digest = HexFormat.of().formatHex(sha256.digest());
                if (count != want.path("rows").asLong(-1) || !digest.equals(want.path("sha256").asString(""))) {
                    throw notABackup(file, "table " + table + " is damaged (" + count + " rows, SHA-256 " + digest
                            + "; the manifest says " + want.path("rows").asLong(-1) + " rows, " + want.path("sha256").asString("") + ")");
                }
                rows.put(table, count);
            }
            try (PreparedStatement setval = connection.prepareStatement("SELECT setval(quote_ident(?)::regclass, ?, true)")) {
                for (JsonNode sequence : manifest.path("sequences")) {
                    if (sequence.path("last_value").isNull() || sequence.path("last_value").isMissingNode()) {
                        continue;
                    }
                    setval.setString(1, sequence.path("name").asString(""));
                    setval.setLong(2, sequence.path("last_value").asLong());
                    setval.execute();
                }
            }
            connection.commit();
            return new Summary(manifest.path("schema_version").asString(""), rows);
        } catch (SQLException | IOException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    private static void requireEmpty(Connection connection, DatabaseEndpoint endpoint) throws SQLException {
        List<String> tables = tables(connection);
        if (!tables.isEmpty() || hasFlywayHistory(connection)) {
            throw new EmbeddedDatabaseException(endpoint.describe() + " already holds an exchange database ("
                    + tables.size() + " tables)", "restore into an empty database: create one and point"
                    + " exchange.database.url at it");
        }
    }

    private static void migrate(DatabaseEndpoint endpoint, String schemaVersion, Path file) {
        Flyway flyway = Flyway.configure()
                .dataSource(endpoint.jdbcUrl(), endpoint.username(), endpoint.password())
                .locations("classpath:db/migration")
                .target(schemaVersion)
                .load();
        boolean known = false;
        for (MigrationInfo migration : flyway.info().all()) {
            if (migration.getVersion() != null && migration.getVersion().getVersion().equals(schemaVersion)) {
                known = true;
            }
        }
        if (!known) {
            throw new EmbeddedDatabaseException("the backup " + file + " has schema version " + schemaVersion
                    + ", which this exchange does not know (it was made by a newer exchange)",
                    "restore it with the exchange version that made it, or a later one");
        }
        flyway.migrate();
    }

    private static String schemaVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT version FROM " + FLYWAY_HISTORY
                     + " WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1")) {
            if (!rs.next()) {
                throw new SQLException("the database has no applied migration: it is not an exchange database");
            }
            return rs.getString(1);
        }
    }

    private static boolean hasFlywayHistory(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT 1 FROM pg_tables WHERE schemaname = current_schema() AND tablename = ?")) {
            statement.setString(1, FLYWAY_HISTORY);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The exchange's tables in the current schema, by name (Flyway's history excluded: a restore migrates anew). */
    private static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT tablename FROM pg_tables"
                + " WHERE schemaname = current_schema() AND tablename <> ? ORDER BY tablename")) {
            statement.setString(1, FLYWAY_HISTORY);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
        }
        return tables;
    }

    private static Map<String, Long> sequences(Connection connection) throws SQLException {
        Map<String, Long> sequences = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT sequencename, last_value FROM pg_sequences"
                     + " WHERE schemaname = current_schema() ORDER BY sequencename")) {
            while (rs.next()) {
                long value = rs.getLong(2);
                sequences.put(rs.getString(1), rs.wasNull() ? null : value);
            }
        }
        return sequences;
    }

    /** Referenced tables before the tables that reference them (foreign keys are checked as each COPY ends). */
    private static List<String> loadOrder(Connection connection, Set<String> tables) throws SQLException {
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        tables.forEach(t -> parents.put(t, new LinkedHashSet<>()));
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT child.relname, parent.relname FROM pg_constraint c"
                     + " JOIN pg_class child ON child.oid = c.conrelid JOIN pg_class parent ON parent.oid = c.confrelid"
                     + " JOIN pg_namespace n ON n.oid = c.connamespace"
                     + " WHERE c.contype = 'f' AND n.nspname = current_schema()")) {
            while (rs.next()) {
                String child = rs.getString(1);
                String parent = rs.getString(2);
                if (parents.containsKey(child) && !child.equals(parent)) {
                    parents.get(child).add(parent);
                }
            }
        }
        List<String> order = new ArrayList<>();
        while (order.size() < tables.size()) {
            String next = parents.entrySet().stream()
                    .filter(e -> !order.contains(e.getKey()) && order.containsAll(e.getValue().stream()
                            .filter(parents::containsKey).toList()))
                    .map(Map.Entry::getKey).findFirst()
                    .orElseThrow(() -> new SQLException("the foreign keys between " + tables + " form a cycle"));
            order.add(next);
        }
        return order;
    }

    static Connection connect(DatabaseEndpoint endpoint) throws SQLException {
        return DriverManager.getConnection(endpoint.jdbcUrl(), endpoint.username(), endpoint.password());
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static EmbeddedDatabaseException notABackup(Path file, String why) {
        return new EmbeddedDatabaseException(file + " is not a complete exchange backup: " + why,
                "restore another backup; nothing was loaded");
    }

    /** Lets COPY close its stream without closing the ZIP it writes into. */
    private static final class KeepOpen extends FilterOutputStream {

        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
