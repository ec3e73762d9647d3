package io.trackstream.stack;

import com.datastax.oss.driver.api.core.CqlSession;
import io.trackstream.cassandra.CassandraSchema;
import io.trackstream.model.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A running Kafka and Cassandra, ready for Trackstream: the contract's topics exist and the schema
 * is applied. Each server is either started here as a child JVM or, when configured, an existing
 * one that is only prepared. A stack for services that use no Cassandra starts Kafka alone
 * ({@link #startKafkaOnly}); Cassandra can join it later ({@link #startCassandra}).
 * {@link #close()} stops what was started here (SIGTERM, then wait).
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

    private final StackConfig config;
    private final KafkaNode kafka;
    private volatile CassandraNode cassandra;
    private volatile boolean cassandraReady;
    private final Thread shutdownHook = new Thread(this::close, "local-stack-shutdown");
    private volatile boolean closed;

    private LocalStack(StackConfig config) {
        this.config = config;
        this.kafka = config.externalKafka().isPresent() ? null
                : new KafkaNode(config.dataDir().resolve("kafka"), config.host(), config.kafkaPort(), config.kafkaControllerPort(),
                        config.kafkaHeap(), config.kafkaMetricsPort());
    }

    /** Starts (or connects to) both servers in parallel, then prepares topics and schema. */
    public static LocalStack start(StackConfig config) {
        return start(config, true);
    }

    /** Starts (or connects to) Kafka alone and prepares the topics: for services that use no Cassandra. */
    public static LocalStack startKafkaOnly(StackConfig config) {
        return start(config, false);
    }

    private static LocalStack start(StackConfig config, boolean withCassandra) {
        LocalStack stack = new LocalStack(config);
        Runtime.getRuntime().addShutdownHook(stack.shutdownHook);
        try {
            long started = System.nanoTime();
            // Cassandra takes longest: start it on another thread while Kafka starts here.
            CompletableFuture<Void> cassandraUp = withCassandra
                    ? CompletableFuture.runAsync(stack::startCassandra) : CompletableFuture.completedFuture(null);
            if (stack.kafka != null) {
                stack.kafka.start(config.startTimeout());
            }
            stack.prepareTopics();
            cassandraUp.join();
            log.info("local stack ready in {} ms: Kafka {}, Cassandra {}", (System.nanoTime() - started) / 1_000_000,
                    stack.kafkaBootstrapServers(), withCassandra ? stack.cassandraContactPointString() : "not started");
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e instanceof CompletionException && e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Starts (or connects to) Cassandra and applies the schema, unless done already; idempotent. */
    public synchronized void startCassandra() {
        if (cassandraReady) {
            return;
        }
        if (config.externalCassandra().isEmpty()) {
            cassandra = new CassandraNode(config.dataDir().resolve("cassandra"), config.host(), config.cassandraPort(),
                    config.cassandraStoragePort(), config.cassandraHeap(), config.cassandraMetricsPort());
            cassandra.start(config.startTimeout());
        }
        prepareSchema();
        cassandraReady = true;
    }

    /** Whether Cassandra is up and its schema applied. */
    public boolean hasCassandra() {
        return cassandraReady;
    }

    public String kafkaBootstrapServers() {
        return config.externalKafka().orElseGet(kafka::bootstrapServers);
    }

    public InetSocketAddress cassandraContactPoint() {
        if (config.externalCassandra().isPresent()) {
            return StackConfig.hostAndPort(config.externalCassandra().get());
        }
        CassandraNode node = cassandra;
        if (node == null) {
            throw new IllegalStateException("this stack runs without Cassandra: start it with startCassandra()");
        }
        return node.contactPoint();
    }

    /** {@code host:port}, as Spring's {@code spring.cassandra.contact-points} takes it. */
    public String cassandraContactPointString() {
        InetSocketAddress address = cassandraContactPoint();
        return address.getHostString() + ":" + address.getPort();
    }

    public String cassandraLocalDatacenter() {
        return config.cassandraLocalDatacenter();
    }

    public String keyspace() {
        return config.keyspace();
    }

    /** Where the servers started here serve their Prometheus metrics ({@code host:port}); empty when they do not. */
    public List<String> metricsTargets(String server) {
        int port = switch (server) {
            case "kafka" -> kafka == null ? 0 : config.kafkaMetricsPort();
            case "cassandra" -> cassandra == null ? 0 : config.cassandraMetricsPort();
            default -> throw new IllegalArgumentException("no server " + server);
        };
        return port > 0 ? List.of(config.host() + ":" + port) : List.of();
    }

    /** The broker started here, to stop and start in fault tests; empty for an external Kafka. */
    public Optional<KafkaNode> kafka() {
        return Optional.ofNullable(kafka);
    }

    /** The node started here, to stop and start in fault tests; empty for an external Cassandra. */
    public Optional<CassandraNode> cassandra() {
        return Optional.ofNullable(cassandra);
    }

    /** A session on the stack's Cassandra (keyspace not set); the caller closes it. */
    public CqlSession openCqlSession() {
        return CqlSession.builder()
                .addContactPoint(resolved(cassandraContactPoint()))
                .withLocalDatacenter(cassandraLocalDatacenter())
                .build();
    }

    /** An Admin client on the stack's Kafka; the caller closes it. */
    public Admin openAdmin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers()));
    }

    void prepareTopics() {
        try (Admin admin = openAdmin()) {
            List<String> created = TopicSetup.ensure(admin, Topics.all());
            log.info("topics ready{}", created.isEmpty() ? " (all existed)" : ", created " + created);
        }
    }

    void prepareSchema() {
        try (CqlSession session = openCqlSession()) {
            List<String> applied = CassandraSchema.migrate(session, config.keyspace(), config.replication());
            log.info("schema of keyspace {} ready{}", config.keyspace(), applied.isEmpty() ? " (up to date)" : ", applied " + applied);
        }
    }

    /** For a caller that orders its own shutdown (services first, then the servers). */
    void removeShutdownHook() {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
    }

    /** Stops the servers started here, Kafka and Cassandra in parallel; idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // called from the hook itself
        }
        CassandraNode startedCassandra = cassandra;
        CompletableFuture<Void> cassandraDown = CompletableFuture.runAsync(() -> {
            if (startedCassandra != null) {
                startedCassandra.stop();
            }
        });
        if (kafka != null) {
            kafka.stop();
        }
        cassandraDown.join();
        log.info("local stack stopped");
    }

    private static InetSocketAddress resolved(InetSocketAddress address) {
        return address.isUnresolved() ? new InetSocketAddress(address.getHostString(), address.getPort()) : address;
    }

}
