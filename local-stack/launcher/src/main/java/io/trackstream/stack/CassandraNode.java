package io.trackstream.stack;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.management.JMException;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * A real single-node Cassandra 5.0 in its own JVM (Java 17: Cassandra 5.0 refuses newer JVMs),
 * its data in a folder it owns, with the JVM options Cassandra ships for Java 17.
 */
public final class CassandraNode {

    public static final String LOCAL_DATACENTER = "datacenter1";

    private static final Logger log = LoggerFactory.getLogger(CassandraNode.class);

    /**
     * From Cassandra's conf/jvm17-server.options (without the exports and opens it cannot reach JDK
     * internals), except the G1 pause goal: with the shipped goal, young collections of a large
     * heap on a small machine pause the node long enough to stall every write and read behind
     * them; a 50 ms goal keeps those pauses short without lowering the insert rate.
     */
    private static final List<String> JVM17_OPTIONS = List.of(
            "-XX:+UseG1GC", "-XX:+ParallelRefProcEnabled", "-XX:MaxTenuringThreshold=1",
            "-XX:G1RSetUpdatingPauseTimePercent=5", "-XX:MaxGCPauseMillis=50",
            "-Djdk.attach.allowAttachSelf=true",
            "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
            "--add-exports", "java.management.rmi/com.sun.jmx.remote.internal.rmi=ALL-UNNAMED",
            "--add-exports", "java.rmi/sun.rmi.registry=ALL-UNNAMED",
            "--add-exports", "java.rmi/sun.rmi.server=ALL-UNNAMED",
            "--add-exports", "java.sql/java.sql=ALL-UNNAMED",
            "--add-exports", "java.base/java.lang.ref=ALL-UNNAMED",
            "--add-exports", "jdk.unsupported/sun.misc=ALL-UNNAMED",
            "--add-exports", "jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
            "--add-exports", "jdk.attach/sun.tools.attach=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang.module=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.loader=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.reflect=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.math=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.module=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.util.jar=ALL-UNNAMED",
            "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED",
            "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens", "java.base/java.io=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens", "jdk.compiler/com.sun.tools.javac=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang=ALL-UNNAMED",
            "--add-opens", "java.base/java.util=ALL-UNNAMED",
            "-Dio.netty.tryReflectionSetAccessible=true",
            "-Dio.netty.allocator.useCacheForAllThreads=true",
            "-Dio.netty.allocator.maxOrder=11");

    private final Path dir;
    private final String host;
    private final int port;
    private final int storagePort;
    private final int jmxPort;
    private final JvmProcess process;

    CassandraNode(Path dir, String host, int port, int storagePort, String heap, int metricsPort) {
        this.dir = dir;
        this.host = host;
        this.port = port;
        this.storagePort = storagePort;
        this.jmxPort = StackConfig.freePort();
        List<String> options = new ArrayList<>(List.of("-Xms" + heap, "-Xmx" + heap, "-Xss256k",
                "-XX:+ExitOnOutOfMemoryError", "-XX:+HeapDumpOnOutOfMemoryError", "-XX:HeapDumpPath=" + dir,
                "-Djava.io.tmpdir=" + dir.resolve("tmp"),
                "-Dcassandra.config=" + dir.resolve("cassandra.yaml").toUri(),
                "-Dcassandra.storagedir=" + dir,
                "-Dcassandra.logdir=" + dir.resolve("logs"),
                "-Dcassandra.triggers_dir=" + dir.resolve("triggers"),
                "-Dcassandra-foreground=yes",
                // one node has no gossip to settle: saves seconds on every start
                "-Dcassandra.skip_wait_for_gossip_to_settle=0",
                // JMX on the loopback address only, for flush(): what nodetool would use
                "-Dcassandra.jmx.local.port=" + jmxPort,
                "-Dlogback.configurationFile=" + dir.resolve("logback.xml")));
        options.addAll(JVM17_OPTIONS);
        options.addAll(JmxExporter.agentOptions("cassandra", host, metricsPort));
        this.process = new JvmProcess("cassandra", dir, options, ServerClasspath.of("cassandra"),
                "org.apache.cassandra.service.CassandraDaemon", List.of());
    }

    public InetSocketAddress contactPoint() {
        return new InetSocketAddress(host, port);
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    /** The folder the node owns: configuration, data, commit log, logs. */
    Path dir() {
        return dir;
    }

    /** The node's pid, for measuring its memory; -1 before the first start. */
    public long pid() {
        return process.pid();
    }

    /** Starts Cassandra and returns once it answers a CQL query. */
    public synchronized void start(Duration timeout) {
        if (process.isAlive()) {
            return;
        }
        if (Runtime.version().feature() != 17) {
            throw new IllegalStateException("Cassandra 5.0 runs on Java 17 only; this JVM is " + Runtime.version()
                    + ". Run the local stack with a JDK 17 (JAVA_HOME).");
        }
        writeConfig();
        process.start();
        awaitReady(timeout);
        log.info("Cassandra ready on {}:{} (data in {})", host, port, dir);
    }

    /**
     * Writes the keyspace's memtables to SSTables and returns when they are on disk, as
     * {@code nodetool flush} does, through the node's loopback-only JMX server. The benchmark uses
     * it so that one phase's writes are not flushed during the next phase.
     */
    public void flush(String keyspace) {
        String url = "service:jmx:rmi:///jndi/rmi://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + jmxPort + "/jmxrmi";
        try (JMXConnector jmx = JMXConnectorFactory.connect(new JMXServiceURL(url))) {
            jmx.getMBeanServerConnection().invoke(new ObjectName("org.apache.cassandra.db:type=StorageService"),
                    "forceKeyspaceFlush", new Object[] {keyspace, new String[0]},
                    new String[] {String.class.getName(), String[].class.getName()});
        } catch (IOException | JMException e) {
            throw new IllegalStateException("could not flush keyspace " + keyspace + " through " + url, e);
        }
    }

    /** A clean stop (SIGTERM): Cassandra drains and flushes. */
    public synchronized void stop() {
        process.stop(Duration.ofSeconds(60));
    }

    // A short-lived session for the readiness probe, with timeouts shorter than the poll deadline.
    private CqlSession probeSession() {
        return CqlSession.builder()
                .addContactPoint(contactPoint())
                .withLocalDatacenter(LOCAL_DATACENTER)
                .withConfigLoader(DriverConfigLoader.programmaticBuilder()
                        .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(5))
                        .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, Duration.ofSeconds(5))
                        .withDuration(DefaultDriverOption.CONTROL_CONNECTION_TIMEOUT, Duration.ofSeconds(5))
                        .build())
                .build();
    }

    private void writeConfig() {
        String yaml = """
                cluster_name: trackstream-local
                num_tokens: 1
                partitioner: org.apache.cassandra.dht.Murmur3Partitioner
                endpoint_snitch: SimpleSnitch
                commitlog_sync: periodic
                commitlog_sync_period: 10000ms
                commitlog_segment_size: 16MiB
                seed_provider:
                  - class_name: org.apache.cassandra.locator.SimpleSeedProvider
                    parameters:
                      - seeds: "%1$s:%2$d"
                listen_address: %1$s
                rpc_address: %1$s
                storage_port: %2$d
                native_transport_port: %3$d
                start_native_transport: true
                data_file_directories:
                  - %4$s/data
                commitlog_directory: %4$s/commitlog
                hints_directory: %4$s/hints
                saved_caches_directory: %4$s/saved_caches
                cdc_raw_directory: %4$s/cdc_raw
                auto_snapshot: false
                # Cassandra's default is two compactors on two cores, which lets compaction take the
                # whole machine from Kafka and the services; one keeps a core for everything else.
                concurrent_compactors: 1
                # Memtable cells off the heap: on the heap they survive young collections until
                # flushed, and copying them lengthens every young pause, which stalls every read
                # behind it.
                memtable_allocation_type: offheap_objects
                """.formatted(host, storagePort, port, dir);
        String logback = """
                <configuration>
                  <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{30} - %msg%n</pattern></encoder>
                  </appender>
                  <root level="INFO"><appender-ref ref="out"/></root>
                </configuration>
                """;
        try {
            for (String sub : List.of("tmp", "logs", "triggers", "data")) {
                Files.createDirectories(dir.resolve(sub));
            }
            Files.writeString(dir.resolve("cassandra.yaml"), yaml);
            Files.writeString(dir.resolve("logback.xml"), logback);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Cassandra exited during start:\n" + process.logTail(40));
            }
            if (Waits.portOpen(contactPoint())) {
                try (CqlSession session = probeSession()) {
                    session.execute("SELECT release_version FROM system.local");
                    return;
                } catch (RuntimeException notYet) {
                    // the port may open before the node serves queries
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Cassandra did not answer CQL within " + timeout + ":\n" + process.logTail(40));
            }
            Waits.sleep(250);
        }
    }

}
