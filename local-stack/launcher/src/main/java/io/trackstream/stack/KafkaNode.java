package io.trackstream.stack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node Kafka (KRaft, broker and controller in one process) in its own JVM, its data
 * in a folder it owns. Storage is formatted once; later starts reuse the data, so a stop and start
 * (or a crash) keeps every record, as on a real broker.
 */
public final class KafkaNode {

    private static final Logger log = LoggerFactory.getLogger(KafkaNode.class);

    private final Path dir;
    private final String host;
    private final int port;
    private final int controllerPort;
    private final JvmProcess process;

    KafkaNode(Path dir, String host, int port, int controllerPort, String heap, int metricsPort) {
        this.dir = dir;
        this.host = host;
        this.port = port;
        this.controllerPort = controllerPort;
        List<String> options = new java.util.ArrayList<>(List.of(
                "-Xms" + heap, "-Xmx" + heap,
                // G1 with its default pause goal: kafka-server-start's tighter goal keeps the young
                // generation so small that it is collected every few seconds under load, and on a
                // small machine each of those pauses holds every core.
                "-XX:+UseG1GC",
                "-XX:+ExitOnOutOfMemoryError",
                // lz4/snappy/zstd unpack their native libraries here, not in a shared /tmp
                "-Djava.io.tmpdir=" + dir.resolve("tmp"),
                "-Dlog4j2.configurationFile=" + dir.resolve("log4j2.xml").toUri(),
                "-Dkafka.logs.dir=" + dir.resolve("logs")));
        options.addAll(JmxExporter.agentOptions("kafka", host, metricsPort));
        this.process = new JvmProcess("kafka", dir, options,
                ServerClasspath.of("kafka"), "kafka.Kafka", List.of(dir.resolve("server.properties").toString()));
    }

    public String bootstrapServers() {
        return host + ":" + port;
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    /** The broker's pid, for measuring its memory; -1 before the first start. */
    public long pid() {
        return process.pid();
    }

    /** Starts the broker (formatting fresh storage first) and returns once it answers an Admin call. */
    public synchronized void start(Duration timeout) {
        if (process.isAlive()) {
            return;
        }
        writeConfig();
        formatStorageOnce();
        process.start();
        awaitReady(timeout);
        log.info("Kafka ready on {} (data in {})", bootstrapServers(), dir);
    }

    /** A clean stop (SIGTERM): the broker flushes and closes its logs. */
    public synchronized void stop() {
        process.stop(Duration.ofSeconds(30));
    }

    private void writeConfig() {
        String properties = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@" + host + ":" + controllerPort,
                "listeners=PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort,
                "advertised.listeners=PLAINTEXT://" + host + ":" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + dir.resolve("data"),
                // one node: every internal topic has one replica, or groups and transactions
                // (and so Kafka Streams exactly-once) never work
                "default.replication.factor=1",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=10",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=10",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                // topics are created deliberately, with their partitions and retention
                "auto.create.topics.enable=false",
                "");
        String log4j = """
                <?xml version="1.0" encoding="UTF-8"?>
                <Configuration status="WARN">
                  <Appenders>
                    <Console name="out" target="SYSTEM_OUT">
                      <PatternLayout pattern="[%d] %p %m (%c)%n"/>
                    </Console>
                  </Appenders>
                  <Loggers>
                    <Root level="INFO"><AppenderRef ref="out"/></Root>
                    <Logger name="kafka.request.logger" level="WARN"/>
                    <Logger name="org.apache.kafka.clients" level="WARN"/>
                    <Logger name="org.apache.kafka.common.metrics" level="WARN"/>
                  </Loggers>
                </Configuration>
                """;
        try {
            Files.createDirectories(dir.resolve("tmp"));
            Files.createDirectories(dir.resolve("logs"));
            Files.writeString(dir.resolve("server.properties"), properties);
            Files.writeString(dir.resolve("log4j2.xml"), log4j);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void formatStorageOnce() {
        if (Files.exists(dir.resolve("data").resolve("meta.properties"))) {
            return;
        }
        JvmProcess format = new JvmProcess("kafka-format", dir, List.of("-Xmx128m",
                "-Dlog4j2.configurationFile=" + dir.resolve("log4j2.xml").toUri()),
                ServerClasspath.of("kafka"), "kafka.tools.StorageTool",
                List.of("format", "-t", Uuid.randomUuid().toString(), "-c", dir.resolve("server.properties").toString(),
                        "--ignore-formatted"));
        format.start();
        if (format.awaitExit(Duration.ofSeconds(60)).isEmpty()) {
            format.kill();
        }
        if (!Files.exists(dir.resolve("data").resolve("meta.properties"))) {
            throw new IllegalStateException("formatting Kafka storage failed:\n" + format.logTail(30));
        }
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        java.net.InetSocketAddress address = new java.net.InetSocketAddress(host, port);
        while (!Waits.portOpen(address) && process.isAlive() && System.nanoTime() < deadline) {
            Waits.sleep(100);
        }
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000,
                AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, 100))) {
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Kafka exited during start:\n" + process.logTail(40));
                }
                try {
                    if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception notYet) {
                    // not answering yet
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Kafka did not answer within " + timeout + ":\n" + process.logTail(40));
                }
                Waits.sleep(200);
            }
        }
    }

}
