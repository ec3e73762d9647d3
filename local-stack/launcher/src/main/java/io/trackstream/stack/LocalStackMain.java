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
            ServiceLauncher launcher = new ServiceLauncher(stack, dataDir.resolve("services"));
            for (ServiceSpec spec : ServiceSpec.read(servicesFile)) {
                try {
                    launcher.start(spec).ifPresent(services::add);
                } catch (IllegalStateException unhealthy) {
                    // keep the rest of the demo running; the message points at the service's log
                    log.warn(unhealthy.getMessage());
                }
            }
        }
        log.info("""

                ==== Trackstream local stack is up ====
                Kafka      {}   (topics: user-activities, user-activities.DLT)
                Cassandra  {}   (keyspace {})
                services   {}{}
                logs       {}
                Press Ctrl-C to stop everything.""",
                stack.kafkaBootstrapServers(), stack.cassandraContactPointString(), stack.keyspace(),
                services.isEmpty() ? "(none built yet)" : services.stream().map(JvmProcess::name).toList(),
                livePage(services), dataDir);
        stopped.await();
    }

    /** The dashboard's live page, when the dashboard is among the services that started. */
    private static String livePage(List<JvmProcess> services) {
        return services.stream().filter(s -> s.name().equals("dashboard-consumer")).findFirst()
                .map(s -> "\nlive page  http://127.0.0.1:8084/").orElse("");
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
