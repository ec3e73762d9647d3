package io.trackstream.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies the schema's versioned CQL migrations ({@code cassandra/migrations/}) to a keyspace,
 * creating the keyspace first. Idempotent: each migration runs once per keyspace and is recorded
 * in {@link Tables#SCHEMA_MIGRATIONS}; a run over an up-to-date keyspace changes nothing. A migration
 * whose text changed after it was applied is refused rather than silently skipped.
 *
 * <p>Why not a library: cassandra-migration (cognitor) brings the pre-Apache driver coordinates, a
 * reload4j binding and JUnit at compile scope; Flyway's Cassandra support goes through a JDBC
 * wrapper and spring-jdbc. What we need is a version table and ordered scripts.
 */
public final class CassandraSchema {

    public static final String DEFAULT_KEYSPACE = "trackstream";

    /** Replication for a single node (the local stack and tests); production passes its own. */
    public static final String SINGLE_NODE_REPLICATION = "{'class': 'SimpleStrategy', 'replication_factor': 1}";

    private static final Duration DDL_TIMEOUT = Duration.ofSeconds(30);

    private CassandraSchema() {
    }

    /**
     * Creates the keyspace if needed and applies every migration not applied yet.
     *
     * @return the names of the migrations applied by this call (empty when already up to date)
     */
    public static List<String> migrate(CqlSession session, String keyspace, String replication) {
        if (!keyspace.matches("[a-zA-Z][a-zA-Z0-9_]{0,47}")) {
            throw new IllegalArgumentException("keyspace must be a CQL identifier (letter, then letters, digits, _): " + keyspace);
        }
        execute(session, "CREATE KEYSPACE IF NOT EXISTS " + keyspace + " WITH replication = " + replication);
        String migrations = keyspace + "." + Tables.SCHEMA_MIGRATIONS;
        execute(session, "CREATE TABLE IF NOT EXISTS " + migrations + " ("
                + "version int PRIMARY KEY, name text, checksum text, applied_at timestamp)");

        Map<Integer, String> applied = new HashMap<>();
        for (Row row : session.execute("SELECT version, checksum FROM " + migrations)) {
            applied.put(row.getInt("version"), row.getString("checksum"));
        }

        List<String> appliedNow = new ArrayList<>();
        for (Migration migration : Migration.loadAll()) {
            String recorded = applied.get(migration.version());
            if (recorded != null) {
                if (!recorded.equals(migration.checksum())) {
                    throw new IllegalStateException("migration " + migration.name() + " changed after it was applied to "
                            + keyspace + "; add a new migration instead of editing an applied one");
                }
                continue;
            }
            for (String statement : migration.statements(keyspace)) {
                execute(session, statement);
            }
            session.execute(SimpleStatement.newInstance("INSERT INTO " + migrations
                            + " (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)",
                    migration.version(), migration.name(), migration.checksum(), Instant.now()));
            appliedNow.add(migration.name());
        }
        return appliedNow;
    }

    private static void execute(CqlSession session, String cql) {
        // DDL waits for schema agreement inside the driver; give it more than the default 2 s.
        session.execute(SimpleStatement.newInstance(cql).setTimeout(DDL_TIMEOUT));
    }
}
