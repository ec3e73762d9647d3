package io.trackstream.stack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Starts a Trackstream service jar as a child JVM wired to a {@link LocalStack} (bootstrap servers,
 * contact point, keyspace passed as Spring Boot arguments) and waits until its actuator health
 * answers. Used by the demo and by the benchmark.
 */
public final class ServiceLauncher {

    private static final Logger log = LoggerFactory.getLogger(ServiceLauncher.class);

    private final LocalStack stack;
    private final Path logDir;

    public ServiceLauncher(LocalStack stack, Path logDir) {
        this.stack = stack;
        this.logDir = logDir;
    }

    /**
     * @param httpPort the service's port, or -1 for none (then it is not awaited)
     * @return the started process, or empty when the jar is not built
     */
    public Optional<JvmProcess> start(String name, Path jar, String heap, int httpPort, List<String> extraArgs) {
        if (!Files.exists(jar)) {
            log.warn("service {} skipped: {} is not built", name, jar);
            return Optional.empty();
        }
        return Optional.of(startAndAwait(name, jar.toAbsolutePath().toString(),
                "org.springframework.boot.loader.launch.JarLauncher", heap, httpPort, extraArgs));
    }

    /**
     * Starts a service's main class from this JVM's own classpath, wired to the stack like a jar:
     * for a test that must kill the service it tests (SIGKILL, then start it again) before its jar
     * is packaged.
     */
    public JvmProcess startFromClasspath(String name, Class<?> mainClass, String heap, int httpPort, List<String> extraArgs) {
        return startAndAwait(name, System.getProperty("java.class.path"), mainClass.getName(), heap, httpPort, extraArgs);
    }

    /**
     * Runs a tool jar (the simulator with an event count or a duration) wired to the stack, to its
     * end; returns its exit code.
     *
     * @throws IllegalStateException when the jar is not built or the run takes longer than {@code timeout}
     */
    public int runToCompletion(String name, Path jar, String heap, List<String> args, Duration timeout) {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is not built: build it first (mvn -B -ntp -DskipTests package)");
        }
        JvmProcess process = newProcess(name, jar.toAbsolutePath().toString(),
                "org.springframework.boot.loader.launch.JarLauncher", heap, -1, args);
        process.start();
        java.util.OptionalInt exit = process.awaitExit(timeout);
        if (exit.isEmpty()) {
            process.kill();
            throw new IllegalStateException(name + " did not finish within " + timeout + "; see " + process.logFile());
        }
        return exit.getAsInt();
    }

    private JvmProcess startAndAwait(String name, String classpath, String mainClass, String heap, int httpPort,
            List<String> extraArgs) {
        JvmProcess process = newProcess(name, classpath, mainClass, heap, httpPort, extraArgs);
        process.start();
        if (httpPort > 0) {
            awaitHealthy(process, httpPort);
        }
        return process;
    }

    private JvmProcess newProcess(String name, String classpath, String mainClass, String heap, int httpPort,
            List<String> extraArgs) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.kafka.bootstrap-servers=" + stack.kafkaBootstrapServers(),
                "--spring.cassandra.contact-points=" + stack.cassandraContactPointString(),
                "--spring.cassandra.local-datacenter=" + stack.cassandraLocalDatacenter(),
                "--spring.cassandra.keyspace-name=" + stack.keyspace(),
                // Kafka Streams state and any other files the service keeps, beside its log.
                "--trackstream.data-dir=" + logDir.resolve(name).toAbsolutePath()));
        if (stack.kafka().isPresent()) {
            // One broker: Kafka Streams' internal topics cannot have more replicas.
            args.add("--spring.kafka.streams.replication-factor=1");
        }
        if (httpPort > 0) {
            args.add("--server.port=" + httpPort);
        }
        args.addAll(extraArgs);
        // The Boot jar's own launcher class runs behind ParentWatch, so the service dies with us.
        // The whole heap from the start: left to grow, G1 keeps the heap and its young generation
        // small and collects it several times a second under load; on two cores each pause holds
        // both, so every other process waits too.
        // Marking starts at G1's fixed threshold (45 % of the heap in the old generation), not its
        // adaptive one: with a large young generation the adaptive threshold falls so low that a
        // service with little live data runs a marking cycle every few seconds, and each remark
        // pause delays the reads behind it.
        return new JvmProcess(name, logDir,
                List.of("-Xms" + heap, "-Xmx" + heap, "-XX:-G1UseAdaptiveIHOP", "-XX:+ExitOnOutOfMemoryError"),
                classpath, mainClass, args);
    }

    private static void awaitHealthy(JvmProcess process, int port) {
        HttpClient http = HttpClient.newHttpClient();
        URI health = URI.create("http://127.0.0.1:" + port + "/actuator/health");
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    log.info("{} is up on http://127.0.0.1:{}", process.name(), port);
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            Waits.sleep(500);
        }
        throw new IllegalStateException(process.name() + " did not report healthy on port " + port + "; see "
                + process.logFile() + "\n" + process.logTail(30));
    }
}
