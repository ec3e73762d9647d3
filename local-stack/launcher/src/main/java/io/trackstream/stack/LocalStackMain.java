package io.trackstream.stack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * The demo: starts the local stack on the well-known ports, then every built service of
 * {@code local-stack/services.conf}, and runs until Ctrl-C; then stops the services first and the
 * servers last, each with SIGTERM and a wait, leaving no process behind.
 *
 * <p>Options: {@code --data-dir=DIR} (default {@code .trackstream}), {@code --fresh} (wipe the
 * data first), {@code --services=FILE}, {@code --no-services}, {@code --prepare-only} (with
 * existing servers, see {@link StackConfig}: create the topics, apply the migrations, and exit; the
 * one-shot set-up of docker-compose).
 */
public final class LocalStackMain {

    private static final Logger log = LoggerFactory.getLogger(LocalStackMain.class);

    private LocalStackMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path dataDir = Path.of(option(args, "--data-dir", ".trackstream")).toAbsolutePath();
        Path servicesFile = Path.of(option(args, "--services", "local-stack/services.conf"));
        if (List.of(args).contains("--fresh")) {
            deleteRecursively(dataDir);
        }

        LocalStack stack = LocalStack.start(StackConfig.demo(dataDir));
        if (List.of(args).contains("--prepare-only")) {
            stack.close();
            return;
        }
        stack.removeShutdownHook(); // shutdown is ordered below: services first
        List<AutoCloseable> running = new ArrayList<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("stopping the services, then Kafka and Cassandra");
            for (int i = running.size() - 1; i >= 0; i--) {
                try {
                    running.get(i).close();
                } catch (Exception e) {
                    log.warn("stopping: {}", e.toString());
                }
            }
            stack.close();
            stopped.countDown();
        }, "local-stack-main-shutdown"));

        List<String> services = List.of();
        String livePage = "";
        String metrics = "(install Debian's prometheus to get metrics at :9090)";
        if (!List.of(args).contains("--no-services")) {
            ServiceSuite suite = ServiceSuite.start(stack, servicesFile, dataDir.resolve("services"), port -> port);
            running.add(suite);
            services = suite.processes().stream().map(JvmProcess::name).toList();
            Integer dashboard = suite.httpPorts().get("dashboard-consumer");
            if (dashboard != null) {
                livePage = "\nlive page  http://127.0.0.1:" + dashboard + "/";
            }
            Optional<PrometheusServer> prometheus = PrometheusServer.startIfInstalled(
                    createDirectories(dataDir.resolve("prometheus")), 9090, suite.metricsTargets(),
                    stack.metricsTargets("kafka"), stack.metricsTargets("cassandra"));
            if (prometheus.isPresent()) {
                running.add(prometheus.get());
                metrics = prometheus.get().baseUrl();
            }
        }
        log.info("""

                ==== Trackstream local stack is up ====
                Kafka      {}   (topics: user-activities, user-activities.DLT)
                Cassandra  {}   (keyspace {})
                services   {}{}
                metrics    {}
                logs       {}
                Press Ctrl-C to stop everything.""",
                stack.kafkaBootstrapServers(), stack.cassandraContactPointString(), stack.keyspace(),
                services.isEmpty() ? "(none built yet)" : services, livePage, metrics, dataDir);
        stopped.await();
    }

    private static String option(String[] args, String name, String fallback) {
        for (String arg : args) {
            if (arg.startsWith(name + "=")) {
                return arg.substring(name.length() + 1);
            }
        }
        return fallback;
    }

    private static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot wipe " + dir, e);
        }
    }
}
