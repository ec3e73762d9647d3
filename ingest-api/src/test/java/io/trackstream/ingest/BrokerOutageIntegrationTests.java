package io.trackstream.ingest;

import io.trackstream.stack.KafkaNode;
import io.trackstream.stack.LocalStackExtension;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** With the broker stopped the API says 503, never 202; once it is back the API recovers by itself. */
@IngestIntegrationTest
class BrokerOutageIntegrationTests {

    private static final Duration BROKER_START = Duration.ofSeconds(90);

    @LocalServerPort
    int port;

    private static String event(String userId) {
        return """
                {"user_id":"%s","event_type":"click","timestamp":"%s"}""".formatted(userId, Instant.now());
    }

    @Test
    void answers503WhileTheBrokerIsDownAnd202AgainOnceItIsBackWithoutARestart() throws Exception {
        Optional<KafkaNode> node = LocalStackExtension.stack().kafka();
        assumeTrue(node.isPresent(), "the broker is external (TRACKSTREAM_KAFKA_BOOTSTRAP_SERVERS): cannot stop it");
        KafkaNode kafka = node.get();
        Http http = new Http(port);
        assertThat(http.post("/api/v1/events/track", event("before")).statusCode()).isEqualTo(202);

        kafka.stop();
        try {
            for (int i = 0; i < 2; i++) {
                HttpResponse<String> track = http.post("/api/v1/events/track", event("during-" + i));
                assertThat(track.statusCode()).isEqualTo(503);
                assertThat(track.headers().firstValue("Retry-After")).contains("2");
            }
            HttpResponse<String> batch = http.post("/api/v1/events/batch", "{\"events\":[" + event("during-batch") + "]}");
            assertThat(batch.statusCode()).isEqualTo(503);
            assertThat(batch.body()).contains("\"failed\"");
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(http.get("/actuator/health/readiness").statusCode()).isEqualTo(503));

            kafka.start(BROKER_START);

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertThat(http.post("/api/v1/events/track", event("after")).statusCode()).isEqualTo(202));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(http.get("/actuator/health/readiness").statusCode()).isEqualTo(200));
        } finally {
            // Other test classes share this broker.
            if (!kafka.isRunning()) {
                kafka.start(BROKER_START);
            }
        }
    }
}
