package org.trilateral.exchange.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.trilateral.exchange.support.TestDatabase;
import org.trilateral.integrity.merkle.MerkleHash;

/**
 * V12 on a database written with leaf format 1: the old leaves stay in the tree byte for byte (every earlier
 * checkpoint stays consistent), and each one about an object is gated by that object's audience, so the read rule
 * applies to it too; a leaf whose object is gone is readable by no member.
 */
class SealedLogMigrationTest {

    @Test
    void migrateWhenVersionOneLeavesExistThenTheyKeepTheirTextAndHashAndAreGatedByTheirObjectsAudience() throws Exception {
        String url = TestDatabase.newDatabaseUrl().replace("r2dbc:", "jdbc:");
        Flyway.configure().dataSource(url, "postgres", "postgres").locations("classpath:db/migration").target("11").load()
                .migrate();
        try (Connection db = DriverManager.getConnection(url, "postgres", "postgres")) {
            insertObject(db, 1, "indicator--red", "red", new String[] {"identity--recipient"});
            insertObject(db, 2, "indicator--amber", "amber", null);
            String redLeaf = insertLeaf(db, 0, "indicator--red");
            insertLeaf(db, 1, "indicator--amber");
            insertLeaf(db, 2, "indicator--deleted");

            Flyway.configure().dataSource(url, "postgres", "postgres").locations("classpath:db/migration").load().migrate();

            try (Statement statement = db.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT log_index, leaf_version, gated, publisher_id, tlp,"
                         + " recipients, leaf, leaf_hash FROM log_leaf ORDER BY log_index")) {
                rows.next();
                assertThat(rows.getInt("leaf_version")).isEqualTo(1);
                assertThat(rows.getBoolean("gated")).isTrue();
                assertThat(rows.getString("publisher_id")).isEqualTo("kr-pub");
                assertThat(rows.getString("tlp")).isEqualTo("red");
                assertThat(texts(rows.getArray("recipients"))).containsExactly("identity--recipient");
                assertThat(rows.getString("leaf")).isEqualTo(redLeaf);
                assertThat(rows.getBytes("leaf_hash")).isEqualTo(MerkleHash.leaf(redLeaf.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                rows.next();
                assertThat(rows.getString("tlp")).isEqualTo("amber");
                assertThat(rows.getArray("recipients")).isNull();
                rows.next();
                assertThat(rows.getString("publisher_id")).isNull();
                assertThat(rows.getString("tlp")).isEqualTo("red");
                assertThat(texts(rows.getArray("recipients"))).isEmpty();
            }
        }
    }

    private static List<String> texts(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }

    private static void insertObject(Connection db, long seq, String id, String tlp, String[] recipients) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO stix_object (seq, collection_id, stix_id,"
                + " stix_type, spec_version, version, version_text, date_added, versioned, content_sha256, body,"
                + " publisher_id, tlp, recipients) VALUES (?, 'c1', ?, 'indicator', '2.1', '2026-01-01T00:00:00Z',"
                + " '2026-01-01T00:00:00.000Z', now(), true, '\\x00', '{}', 'kr-pub', ?, ?)")) {
            insert.setLong(1, seq);
            insert.setString(2, id);
            insert.setString(3, tlp);
            insert.setArray(4, recipients == null ? null : db.createArrayOf("text", recipients));
            insert.executeUpdate();
        }
    }

    private static String insertLeaf(Connection db, long index, String id) throws SQLException {
        String leaf = "{\"accepted\":\"2026-01-01T00:00:01.000000Z\",\"collection\":\"c1\",\"id\":\"" + id
                + "\",\"kind\":\"object-version\",\"log_index\":" + index
                + ",\"modified\":\"2026-01-01T00:00:00.000Z\",\"object_sha256\":\"" + "00".repeat(32) + "\"}";
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO log_leaf (log_index, kind, stix_id, version,"
                + " collection_id, object_sha256, leaf, leaf_hash, accepted) VALUES (?, 'object-version', ?,"
                + " '2026-01-01T00:00:00.000Z', 'c1', ?, ?, ?, now())")) {
            insert.setLong(1, index);
            insert.setString(2, id);
            insert.setBytes(3, new byte[32]);
            insert.setString(4, leaf);
            insert.setBytes(5, MerkleHash.leaf(leaf.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            insert.executeUpdate();
        }
        return leaf;
    }
}
