package io.trackstream.dashboard;

import io.micrometer.core.instrument.MeterRegistry;
import io.trackstream.model.UserActivityEvent;
import io.trackstream.stack.LocalStackTest;
import io.trackstream.stack.LocalStackExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import static io.trackstream.dashboard.DashboardTestSupport.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service on the real stack: events sent through the topic show up in the snapshot and on the
 * server-sent event stream, a client that goes away is forgotten, and fraud alerts appear once
 * their topic exists.
 */
@LocalStackTest
@SpringBootTest(classes = DashboardConsumerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // a fresh state directory per run: the stack (and so every topic) is new in each test JVM
        properties = "spring.kafka.streams.state-dir=target/streams-state/${random.uuid}")
class DashboardIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void showsEventsSentThroughTheTopicInTheSnapshotAndOnTheStream() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now();
        HttpResponse<InputStream> stream = openStream();
        List<String> lines = new ArrayList<>();
        CompletableFuture.runAsync(() -> readLines(stream.body(), lines));
        await().atMost(Duration.ofSeconds(90)).until(() -> readiness() == 200);

        List<UserActivityEvent> events = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            events.add(event("""
                    "event_id":"%s-%d","user_id":"it-%s-%d","event_type":"page_view","timestamp":"%s","page_url":"/it/%s"
                    """.formatted(run, i, run, i, now, run)));
        }
        events.add(event("""
                "event_id":"%s-p","user_id":"it-%s-0","event_type":"purchase","timestamp":"%s","properties":{"cart_value":12.50,"currency":"USD"}
                """.formatted(run, run, now)));
        events.add(events.get(0)); // a duplicate counts once
        DashboardTestSupport.send(events);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            String snapshot = get("/api/v1/dashboard/snapshot");
            assertThat(snapshot).contains("{\"page\":\"/it/" + run + "\",\"views\":6}");
            assertThat(snapshot).contains("\"partitions\":6").contains("\"revenue\":{\"USD\":");
            assertThat(get("/actuator/prometheus")).contains("trackstream_dashboard_active_users")
                    .contains("trackstream_dashboard_revenue{application=\"dashboard-consumer\",currency=\"USD\"}");
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            synchronized (lines) {
                assertThat(lines).contains("event:snapshot");
                assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("data:").contains("/it/" + run));
                assertThat(lines).contains("event:events");
                assertThat(lines).anySatisfy(line -> assertThat(line).contains("\"event_id\":\"" + run + "-p\""));
            }
        });
        assertThat(stream.headers().firstValue("X-Accel-Buffering")).hasValue("no");
        assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
        stream.body().close();
    }

    @Test
    void forgetsAClientThatDisconnects() throws Exception {
        await().atMost(Duration.ofSeconds(90)).until(() -> readiness() == 200);
        double before = clients();
        HttpResponse<InputStream> stream = openStream();
        await().atMost(Duration.ofSeconds(10)).until(() -> clients() == before + 1);

        stream.body().close();

        // the next write (a snapshot every second) finds the connection gone
        await().atMost(Duration.ofSeconds(20)).until(() -> clients() == before);
    }

    @Test
    void showsAnEmptyAlertsPanelUntilAlertsArriveThenEachAlert() throws Exception {
        await().atMost(Duration.ofSeconds(90)).until(() -> readiness() == 200);
        assertThat(get("/api/v1/dashboard/alerts")).isEqualTo("[]");

        // what fraud-consumer will do: create the topic (if the stack has not) and write an alert
        try (Admin admin = LocalStackExtension.stack().openAdmin()) {
            admin.createTopics(List.of(new NewTopic("fraud-alerts", 6, (short) 1))).all().get();
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(TopicExistsException.class);
        }
        String alert = "{\"rule\":\"velocity\",\"user_id\":\"it-fraud\",\"severity\":\"high\"}";
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStackExtension.stack().kafkaBootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("fraud-alerts", "it-fraud", alert)).get();
        }

        // the topic is looked for again every 10 s; the panel starts an hour back
        await().atMost(Duration.ofSeconds(40)).untilAsserted(() ->
                assertThat(get("/api/v1/dashboard/alerts")).isEqualTo("[" + alert + "]"));
    }

    private double clients() {
        return meters.get("trackstream.dashboard.sse.clients").gauge().value();
    }

    private HttpResponse<InputStream> openStream() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/dashboard/stream")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
    }

    private static void readLines(InputStream body, List<String> lines) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                synchronized (lines) {
                    lines.add(line);
                }
            }
        } catch (java.io.IOException closed) {
            // the test closed the stream
        }
    }

    private String get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private int readiness() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
