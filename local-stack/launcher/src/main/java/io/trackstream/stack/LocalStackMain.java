package io.trackstream.stack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * The demo: starts the local stack on the well-known ports, then every built service of
 * {@code local-stack/services.conf}, and runs until Ctrl-C; then stops the services first and the
 * servers last, each with SIGTERM and a wait, leaving no process behind.
 *
 * <p>Options: {@code --data-dir=DIR} (default {@code .trackstream}), {@code --fresh} (wipe the
 * data first), {@code --services=FILE}, {@code --no-services}.
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
        stack.removeShutdownHook(); // shutdown is ordered below: services first
        List<JvmProcess> services = new ArrayList<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("stopping {} service(s), then Kafka and Cassandra", services.size());
            for (int i = services.size() - 1; i >= 0; i--) {
                services.get(i).stop(Duration.ofSeconds(30));
            }
            stack.close();
            stopped.countDown();
        }, "local-stack-main-shutdown"));

        if (!List.of(args).contains("--no-services")) {
            for (ServiceSpec spec : ServiceSpec.read(servicesFile)) {
                startService(stack, spec, dataDir).ifPresent(services::add);
            }
        }
        log.info("""

                ==== Trackstream local stack is up ====
                Kafka      {}   (topics: user-activities, user-activities.DLT)
                Cassandra  {}   (keyspace {})
                services   {}
                logs       {}
                Press Ctrl-C to stop everything.""",
                stack.kafkaBootstrapServers(), stack.cassandraContactPointString(), stack.keyspace(),
                services.isEmpty() ? "(none built yet)" : services.stream().map(JvmProcess::name).toList(), dataDir);
        stopped.await();
    }

    private static java.util.Optional<JvmProcess> startService(LocalStack stack, ServiceSpec spec, Path dataDir) {
        if (!Files.exists(spec.jar())) {
            log.warn("service {} skipped: {} is not built", spec.name(), spec.jar());
            return java.util.Optional.empty();
        }
        List<String> args = new ArrayList<>(List.of(
                "--spring.kafka.bootstrap-servers=" + stack.kafkaBootstrapServers(),
                "--spring.cassandra.contact-points=" + stack.cassandraContactPointString(),
                "--spring.cassandra.local-datacenter=" + stack.cassandraLocalDatacenter(),
                "--spring.cassandra.keyspace-name=" + stack.keyspace()));
        spec.httpPort().ifPresent(port -> args.add("--server.port=" + port));
        args.addAll(spec.args());
        // A Boot jar run through its own launcher class keeps ParentWatch in front of it.
        JvmProcess process = new JvmProcess(spec.name(), dataDir.resolve("services"),
                List.of("-Xmx" + spec.heap(), "-XX:+ExitOnOutOfMemoryError"),
                spec.jar().toAbsolutePath().toString(), "org.springframework.boot.loader.launch.JarLauncher", args);
        process.start();
        spec.httpPort().ifPresent(port -> awaitHealthy(process, port));
        return java.util.Optional.of(process);
    }

    private static void awaitHealthy(JvmProcess process, int port) {
        HttpClient http = HttpClient.newHttpClient();
        URI health = URI.create("http://127.0.0.1:" + port + "/actuator/health");
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
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
        log.warn("{} did not report healthy on port {}; see {}\n{}", process.name(), port, process.logFile(), process.logTail(20));
    }

    private static String option(String[] args, String name, String fallback) {
        for (String arg : args) {
            if (arg.startsWith(name + "=")) {
                return arg.substring(name.length() + 1);
            }
        }
        return fallback;
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
