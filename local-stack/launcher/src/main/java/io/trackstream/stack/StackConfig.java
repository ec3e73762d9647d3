package io.trackstream.stack;

import io.trackstream.cassandra.CassandraSchema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the local stack runs: ports, heaps, data folder; or which existing Kafka and Cassandra to
 * use instead ({@code externalKafka}, {@code externalCassandra}: then that server is not started,
 * only its topics or schema are prepared).
 *
 * <p>The demo uses the well-known ports (9092, 9042); tests take free ports, so that two builds
 * on one machine never collide. {@code kafkaMetricsPort} and {@code cassandraMetricsPort} are where
 * the Prometheus JMX exporter agent serves each server's metrics (the demo: 9404 and 9405, as in
 * docker-compose); 0 runs the server without it.
 */
public record StackConfig(
        Path dataDir,
        String host,
        int kafkaPort,
        int kafkaControllerPort,
        int cassandraPort,
        int cassandraStoragePort,
        String kafkaHeap,
        String cassandraHeap,
        Optional<String> externalKafka,
        Optional<String> externalCassandra,
        String cassandraLocalDatacenter,
        String keyspace,
        String replication,
        Duration startTimeout,
        int kafkaMetricsPort,
        int cassandraMetricsPort) {

    /** Settings read from the environment or system properties, so every entry point honours them. */
    public static final String EXTERNAL_KAFKA = "TRACKSTREAM_KAFKA_BOOTSTRAP_SERVERS";
    public static final String EXTERNAL_CASSANDRA = "TRACKSTREAM_CASSANDRA_CONTACT_POINT";
    public static final String CASSANDRA_DATACENTER = "TRACKSTREAM_CASSANDRA_LOCAL_DATACENTER";
    public static final String CASSANDRA_REPLICATION = "TRACKSTREAM_CASSANDRA_REPLICATION";

    public StackConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(externalKafka, "externalKafka");
        Objects.requireNonNull(externalCassandra, "externalCassandra");
        externalCassandra.ifPresent(StackConfig::hostAndPort);
    }

    /** The demo: well-known ports, data kept across runs in {@code dataDir}. */
    public static StackConfig demo(Path dataDir) {
        return new StackConfig(dataDir, "127.0.0.1", 9092, 9093, 9042, 7000, "512m", "1g",
                setting(EXTERNAL_KAFKA), setting(EXTERNAL_CASSANDRA),
                setting(CASSANDRA_DATACENTER).orElse(CassandraNode.LOCAL_DATACENTER),
                CassandraSchema.DEFAULT_KEYSPACE,
                setting(CASSANDRA_REPLICATION).orElse(CassandraSchema.SINGLE_NODE_REPLICATION),
                Duration.ofSeconds(120), 9404, 9405);
    }

    /** Tests: free ports, smaller heaps, a fresh data folder. */
    public static StackConfig tests(Path dataDir) {
        return new StackConfig(dataDir, "127.0.0.1", freePort(), freePort(), freePort(), freePort(), "384m", "768m",
                setting(EXTERNAL_KAFKA), setting(EXTERNAL_CASSANDRA),
                setting(CASSANDRA_DATACENTER).orElse(CassandraNode.LOCAL_DATACENTER),
                CassandraSchema.DEFAULT_KEYSPACE,
                setting(CASSANDRA_REPLICATION).orElse(CassandraSchema.SINGLE_NODE_REPLICATION),
                Duration.ofSeconds(180), 0, 0);
    }

    public StackConfig withHeaps(String kafka, String cassandra) {
        return new StackConfig(dataDir, host, kafkaPort, kafkaControllerPort, cassandraPort, cassandraStoragePort, kafka, cassandra,
                externalKafka, externalCassandra, cassandraLocalDatacenter, keyspace, replication, startTimeout,
                kafkaMetricsPort, cassandraMetricsPort);
    }

    /** The same stack with the servers' metrics exported for Prometheus, on free ports. */
    public StackConfig withMetricsExporters() {
        return new StackConfig(dataDir, host, kafkaPort, kafkaControllerPort, cassandraPort, cassandraStoragePort, kafkaHeap,
                cassandraHeap, externalKafka, externalCassandra, cassandraLocalDatacenter, keyspace, replication, startTimeout,
                freePort(), freePort());
    }

    static java.net.InetSocketAddress hostAndPort(String value) {
        int colon = value.lastIndexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw new IllegalArgumentException(EXTERNAL_CASSANDRA + " must be host:port, was '" + value + "'");
        }
        try {
            return java.net.InetSocketAddress.createUnresolved(value.substring(0, colon), Integer.parseInt(value.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(EXTERNAL_CASSANDRA + " must be host:port, was '" + value + "'", e);
        }
    }

    /** An environment variable, or the same name as a system property in lower case with dots. */
    static Optional<String> setting(String name) {
        String property = System.getProperty(name.toLowerCase(java.util.Locale.ROOT).replace('_', '.'));
        String value = property != null ? property : System.getenv(name);
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
