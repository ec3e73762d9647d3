package io.trackstream.ingest;

import io.trackstream.model.EventCodec;
import io.trackstream.model.RecordHeaders;
import io.trackstream.model.UserActivityEvent;
import io.trackstream.stack.LocalStackExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Events end up on the real user-activities topic exactly as the topic contract says. */
@IngestIntegrationTest
class TrackIntegrationTests {

    @LocalServerPort
    int port;

    private static String bootstrap() {
        return LocalStackExtension.stack().kafkaBootstrapServers();
    }

    @Test
    void healthShowsAnonymousCallersNoDetails() {
        HttpResponse<String> health = new Http(port).get("/actuator/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"diskSpace\":{\"status\":\"UP\"}").doesNotContain("details", "path", "free");
    }

    @Test
    void aTrackedEventLiesOnTheTopicKeyedByUserId() throws Exception {
        String eventId = UUID.randomUUID().toString();
        String userId = "user-" + UUID.randomUUID();
        Instant timestamp = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.MILLIS);

        HttpResponse<String> response = new Http(port).post("/api/v1/events/track", """
                {"event_id":"%s","user_id":"%s","event_type":"page_view","timestamp":"%s",
                 "user_agent":"Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120.0.0.0 Safari/537.36"}"""
                .formatted(eventId, userId, timestamp));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).contains("\"event_id\":\"" + eventId + "\"");
        // 202 promises the broker already holds it: read it at once, no waiting.
        List<ConsumerRecord<String, byte[]>> records = TopicReader.read(bootstrap(), Set.of(eventId));
        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo(userId);
            assertThat(record.timestamp()).isEqualTo(timestamp.toEpochMilli());
            assertThat(new String(record.headers().lastHeader(RecordHeaders.CONTRACT_VERSION).value(),
                    StandardCharsets.UTF_8)).isEqualTo(RecordHeaders.CONTRACT_VERSION_V1);
            EventCodec.Decoded decoded = EventCodec.create().decodeRecord(record.value());
            assertThat(decoded.violations()).isEmpty();
            UserActivityEvent event = decoded.event();
            assertThat(event.userId()).isEqualTo(userId);
            assertThat(event.ipAddress()).isEqualTo("127.0.0.0");
            assertThat(event.device().type()).isEqualTo("desktop");
            assertThat(event.receivedAt()).isNotNull();
        });
    }

    @Test
    void aMixedBatchPublishesExactlyTheGoodEvents() throws Exception {
        String run = UUID.randomUUID().toString();
        String good1 = run + "-good-1";
        String good2 = run + "-good-2";
        String bad = run + "-bad";
        String now = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();

        HttpResponse<String> response = new Http(port).post("/api/v1/events/batch", """
                {"events":[
                 {"event_id":"%s","user_id":"u1","event_type":"click","timestamp":"%s"},
                 {"event_id":"%s","user_id":0,"event_type":"click","timestamp":"%s"},
                 {"event_id":"%s","user_id":"u2","event_type":"search","timestamp":"%s"}]}"""
                .formatted(good1, now, bad, now, good2, now));

        assertThat(response.statusCode()).isEqualTo(207);
        List<ConsumerRecord<String, byte[]>> records = TopicReader.read(bootstrap(), Set.of(good1, good2, bad));
        assertThat(records).extracting(TopicReader::eventId).containsExactlyInAnyOrder(good1, good2);
        assertThat(records).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("u1", "u2");
    }

    @Test
    void aFullBatchIsAnsweredWholeOnceKafkaHoldsEveryEvent() throws Exception {
        // 500 results make an answer far larger than the response buffer, which is then written on a
        // container thread rather than the producer's: the client must still get all of it.
        String run = UUID.randomUUID().toString();
        String now = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
        Set<String> ids = new LinkedHashSet<>();
        StringBuilder events = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            String id = run + "-" + i;
            ids.add(id);
            events.append(i == 0 ? "" : ",").append("""
                    {"event_id":"%s","user_id":"u%d","event_type":"click","timestamp":"%s"}""".formatted(id, i % 7, now));
        }

        HttpResponse<String> response = new Http(port).post("/api/v1/events/batch", "{\"events\":[" + events + "]}");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).contains("\"accepted\":500").contains(run + "-499");
        assertThat(response.body().length()).isGreaterThan(16 * 1024);
        assertThat(TopicReader.read(bootstrap(), ids)).extracting(TopicReader::eventId)
                .containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void servesHealthWithKafkaInReadinessMetricsAndTheOpenApiDescription() throws Exception {
        Http http = new Http(port);
        http.post("/api/v1/events/track", """
                {"user_id":"metrics","event_type":"click","timestamp":"%s"}""".formatted(Instant.now()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> readiness = http.get("/actuator/health/readiness");
            assertThat(readiness.statusCode()).isEqualTo(200);
            assertThat(readiness.body()).contains("\"kafka\"").contains("\"UP\"");
        });
        String prometheus = http.get("/actuator/prometheus").body();
        assertThat(prometheus)
                .contains("trackstream_ingest_events_total{application=\"ingest-api\"")
                .contains("trackstream_ingest_kafka_send_seconds")
                .contains("http_server_requests_seconds");
        HttpResponse<String> apiDocs = http.get("/v3/api-docs");
        assertThat(apiDocs.statusCode()).isEqualTo(200);
        assertThat(apiDocs.body()).contains("/api/v1/events/track").contains("/api/v1/events/batch")
                .contains("\"event_id\"").doesNotContain("\"eventId\"");
        assertThat(http.get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
    }
}
