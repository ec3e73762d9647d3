package io.trackstream.stack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Kafka and Cassandra have no Prometheus endpoint of their own: the Prometheus JMX exporter agent
 * (resolved from Maven Central with the broker's classpath) serves their JMX beans, filtered by the
 * same rules docker-compose mounts ({@code ops/jmx/<server>.yml}), so Prometheus and the Grafana
 * panels see the same series with and without Docker.
 */
final class JmxExporter {

    private static final Logger log = LoggerFactory.getLogger(JmxExporter.class);

    private JmxExporter() {
    }

    /** The JVM option that loads the agent on {@code host:port}, or none when the port is 0. */
    static List<String> agentOptions(String server, String host, int port) {
        if (port <= 0) {
            return List.of();
        }
        Optional<String> agent = Arrays.stream(ServerClasspath.of("kafka").split(File.pathSeparator))
                .filter(entry -> Path.of(entry).getFileName().toString().startsWith("jmx_prometheus_javaagent"))
                .findFirst();
        Path rules = ReactorJars.root().resolve("ops").resolve("jmx").resolve(server + ".yml");
        if (agent.isEmpty() || !Files.exists(rules)) {
            log.warn("{} runs without its Prometheus exporter: agent {}, rules {}", server, agent.orElse("not resolved"), rules);
            return List.of();
        }
        return List.of("-javaagent:" + agent.get() + "=" + host + ":" + port + ":" + rules.toAbsolutePath());
    }
}
