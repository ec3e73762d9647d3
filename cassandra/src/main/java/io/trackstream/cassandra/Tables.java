package io.trackstream.cassandra;

/** The names of the schema's tables; one place, used by writers, readers and {@link CassandraSchema}. */
public final class Tables {

    public static final String USER_EVENTS = "user_events";
    public static final String USER_BUCKETS = "user_buckets";
    public static final String SCHEMA_MIGRATIONS = "schema_migrations";

    private Tables() {
    }
}
