package io.trackstream.ops;

import io.trackstream.model.Topics;
import io.trackstream.stack.DebianPackages;
import io.trackstream.stack.LocalStack;
import io.trackstream.stack.PrometheusServer;
import io.trackstream.stack.ReactorJars;
import io.trackstream.stack.ServiceSuite;
import io.trackstream.stack.StackConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every Grafana panel is answered by real scrapes: the local stack with the servers' JMX exporters,
 * every built service of services.conf (the simulator among them, sending through ingest-api), and
 * a real Prometheus with the configuration docker-compose mounts. A few bad requests and a record
 * no consumer can use make the error and dead-letter panels show something too. Then each panel's
 * PromQL, with its template variables filled in, must return at least one series.
 */
class LiveScrapeIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalStack stack;
    private static ServiceSuite services;
    private static PrometheusServer prometheus;

    @BeforeAll
    static void startEverything() throws IOException {
        DebianPackages.ensure(PrometheusServer.BINARY, "prometheus");
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")).toAbsolutePath(), "live-");
        stack = LocalStack.start(StackConfig.tests(dir.resolve("stack")).withMetricsExporters());
        services = ServiceSuite.start(stack, ReactorJars.root().resolve("local-stack/services.conf"), dir.resolve("services"),
                port -> freePort());
        prometheus = PrometheusServer.startIfInstalled(Files.createDirectories(dir.resolve("prometheus")), freePort(),
                services.metricsTargets(), stack.metricsTargets("kafka"), stack.metricsTargets("cassandra")).orElseThrow();
    }

    @AfterAll
    static void stopEverything() {
        if (prometheus != null) {
            prometheus.close();
        }
        if (services != null) {
            services.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everyPanelOfEveryDashboardReturnsASeries() throws Exception {
        assertThat(services.httpPorts()).containsKeys("ingest-api", "storage-consumer", "analytics-consumer", "fraud-consumer",
                "dashboard-consumer", "behavior-consumer", "event-producer");
        sendBadRequestsAndAPoisonRecord();
        List<Panel> panels = panels();
        assertThat(panels).isNotEmpty();

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(5)).untilAsserted(() -> {
            List<String> empty = new ArrayList<>();
            for (Panel panel : panels) {
                if (query(panel.expr()).isEmpty()) {
                    empty.add(panel.dashboard() + " / " + panel.title() + ": " + panel.expr());
                }
            }
            assertThat(empty).as("panels without a series").isEmpty();
        });
    }

    @Test
    void scrapesEveryServiceAndBothServers() throws Exception {
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
            JsonNode up = query("up == 1");
            assertThat(up.size()).isEqualTo(services.httpPorts().size() + 2);
        });
    }

    private record Panel(String dashboard, String title, String expr) {
    }

    private static List<Panel> panels() throws IOException {
        List<Panel> panels = new ArrayList<>();
        for (Path file : DashboardsTests.dashboards()) {
            JsonNode dashboard = JSON.readTree(file.toFile());
            for (JsonNode panel : dashboard.get("panels")) {
                for (JsonNode target : panel.get("targets")) {
                    panels.add(new Panel(file.getFileName().toString(), panel.get("title").asString(),
                            fillVariables(target.get("expr").asString())));
                }
            }
        }
        return panels;
    }

    // What Grafana substitutes: "All" for every multi-value variable, a rate window of a minute.
    private static String fillVariables(String expr) {
        return expr.replace("$__rate_interval", "1m").replace("$application", ".*");
    }

    private static JsonNode query(String promql) throws Exception {
        URI uri = URI.create(prometheus.baseUrl() + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("status").asString()).as(promql + " -> " + response.body()).isEqualTo("success");
        return body.get("data").get("result");
    }

    private static void sendBadRequestsAndAPoisonRecord() throws Exception {
        int ingest = services.httpPorts().get("ingest-api");
        int storage = services.httpPorts().get("storage-consumer");
        for (int i = 0; i < 5; i++) {
            HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ingest + "/api/v1/events/track"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"event_type\":\"click\"}")).build(), HttpResponse.BodyHandlers.discarding());
            HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + storage + "/api/v1/users/u-1/events?limit=0")).build(),
                    HttpResponse.BodyHandlers.discarding());
        }
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.USER_ACTIVITIES, "u-poison", "not json".getBytes(StandardCharsets.UTF_8))).get();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
