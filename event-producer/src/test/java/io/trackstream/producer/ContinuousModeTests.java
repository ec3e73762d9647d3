package io.trackstream.producer;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The demo mode: with neither an event count nor a duration the simulator keeps sending and serves
 * health and Prometheus metrics. The ingest URL points nowhere, so every send fails and is counted.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "trackstream.simulator.rate=50", "trackstream.simulator.target=http",
        "trackstream.simulator.ingest-url=http://127.0.0.1:9"})
class ContinuousModeTests {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    SimulationRunner runner;

    @Test
    void keepsSendingAndExposesHealthAndPrometheusMetrics() throws Exception {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            String metrics = get("/actuator/prometheus");
            assertThat(metrics).contains("trackstream_simulator_events_sent_total{application=\"event-producer\",target=\"http\"}");
            assertThat(metrics).containsPattern("trackstream_simulator_events_failed_total\\{[^}]*} [1-9]");
        });
        assertThat(get("/actuator/health/readiness")).contains("\"UP\"");
        assertThat(get("/actuator/health/liveness")).contains("\"UP\"");
        assertThat(runner.finished()).isFalse();
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
