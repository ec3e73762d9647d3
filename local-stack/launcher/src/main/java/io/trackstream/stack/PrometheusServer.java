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
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A real Prometheus (Debian's package) with the very configuration docker-compose mounts
 * ({@code ops/prometheus}), its file_sd target lists written for the local ports: the metrics of a
 * run without Docker at {@code http://127.0.0.1:9090}, and what the dashboards' tests query.
 * It dies with the JVM that started it ({@code setpriv --pdeathsig}).
 */
public final class PrometheusServer implements AutoCloseable {

    public static final Path BINARY = Path.of("/usr/bin/prometheus");
    private static final Logger log = LoggerFactory.getLogger(PrometheusServer.class);

    private final Process process;
    private final int port;

    private PrometheusServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts Prometheus in {@code dir} on {@code port}, scraping the given {@code host:port} targets.
     *
     * @return empty when Prometheus is not installed
     */
    public static Optional<PrometheusServer> startIfInstalled(Path dir, int port, List<String> services,
            List<String> kafka, List<String> cassandra) {
        if (!Files.isExecutable(BINARY)) {
            log.info("Prometheus is not installed, so no metrics at :{} (apt-get install --no-install-recommends prometheus)", port);
            return Optional.empty();
        }
        try {
            Path ops = ReactorJars.root().resolve("ops").resolve("prometheus");
            Path targets = Files.createDirectories(dir.resolve("targets"));
            Files.copy(ops.resolve("prometheus.yml"), dir.resolve("prometheus.yml"), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(ops.resolve("alerts.yml"), dir.resolve("alerts.yml"), StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(targets.resolve("services.json"), targetList(services));
            Files.writeString(targets.resolve("kafka.json"), targetList(kafka));
            Files.writeString(targets.resolve("cassandra.json"), targetList(cassandra));
            List<String> command = new ArrayList<>();
            Path setpriv = Path.of("/usr/bin/setpriv");
            if (Files.isExecutable(setpriv)) {
                command.addAll(List.of(setpriv.toString(), "--pdeathsig", "TERM"));
            }
            command.addAll(List.of(BINARY.toString(), "--config.file=" + dir.resolve("prometheus.yml"),
                    "--storage.tsdb.path=" + dir.resolve("data"), "--storage.tsdb.retention.time=2d",
                    "--web.listen-address=127.0.0.1:" + port));
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("prometheus.log").toFile())).start();
            PrometheusServer server = new PrometheusServer(process, port);
            server.awaitReady();
            log.info("Prometheus is up on http://127.0.0.1:{}", port);
            return Optional.of(server);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Prometheus in " + dir, e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newHttpClient();
        URI ready = URI.create(baseUrl() + "/-/ready");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                if (http.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            Waits.sleep(250);
        }
        close();
        throw new IllegalStateException("Prometheus did not become ready on port " + port);
    }

    private static String targetList(List<String> targets) {
        return targets.isEmpty() ? "[]\n"
                : targets.stream().map(t -> "\"" + t + "\"").collect(Collectors.joining(", ", "[{\"targets\": [", "]}]\n"));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
