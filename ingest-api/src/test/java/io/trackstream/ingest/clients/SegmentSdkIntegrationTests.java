package io.trackstream.ingest.clients;

import io.trackstream.ingest.Http;
import io.trackstream.ingest.IngestIntegrationTest;
import io.trackstream.ingest.TopicReader;
import io.trackstream.model.EventCodec;
import io.trackstream.model.UserActivityEvent;
import io.trackstream.stack.LocalStackExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The official Segment Node SDK ({@code @segment/analytics-node}, pinned by
 * src/test/segment-sdk/package-lock.json) pointed at ingest-api: every call arrives on the topic with
 * its mapped type, and the SDK reports each request delivered.
 */
@IngestIntegrationTest
class SegmentSdkIntegrationTests {

    private static final Path SDK = Path.of("src", "test", "segment-sdk");
    private static final EventCodec CODEC = EventCodec.create();

    @LocalServerPort
    int port;

    @BeforeAll
    static void installTheSdk() {
        RealClients.ensureTools();
        if (!Files.isDirectory(SDK.resolve("node_modules"))) {
            RealClients.run("npm-ci", List.of("npm", "ci", "--no-audit", "--no-fund"), SDK, Duration.ofMinutes(5));
        }
    }

    private String runSdk(String name, String writeKey, String userId) {
        return RealClients.run(name, List.of("node", "script.js", "http://127.0.0.1:" + port, writeKey, userId), SDK,
                Duration.ofMinutes(2));
    }

    @Test
    void theSegmentSdksCallsArriveWithTheirMappedTypesAndTheSdkSeesThemDelivered() {
        String userId = "segment-" + UUID.randomUUID();

        String report = runSdk("segment-sdk", Http.API_KEY, userId);

        // One flushed batch, answered 200 {"success":true}, and no delivery error.
        assertThat(report.strip()).endsWith("{\"statuses\":[200],\"errors\":[]}");
        // Every 200 means Kafka already holds the events: read them at once.
        List<UserActivityEvent> events = TopicReader.readUsers(LocalStackExtension.stack().kafkaBootstrapServers(), Set.of(userId))
                .stream().map(record -> CODEC.decodeRecord(record.value()).event()).toList();
        assertThat(events).extracting(UserActivityEvent::eventType).containsExactlyInAnyOrder(
                "purchase", "add_to_cart", "search", "Wishlist Shared", "page_view", "identify");
        assertThat(events).extracting(UserActivityEvent::eventId).doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).isNotBlank());
        assertThat(events).allSatisfy(event -> {
            assertThat(event.sentAt()).isNotNull();
            assertThat(event.receivedAt()).isNotNull();
        });
        UserActivityEvent purchase = events.stream().filter(e -> e.eventType().equals("purchase")).findFirst().orElseThrow();
        assertThat(purchase.properties().cartValue()).isEqualByComparingTo(new BigDecimal("42.5"));
        assertThat(purchase.properties().currency()).isEqualTo("EUR");
        UserActivityEvent search = events.stream().filter(e -> e.eventType().equals("search")).findFirst().orElseThrow();
        assertThat(search.properties().searchQuery()).isEqualTo("running shoes");
        UserActivityEvent page = events.stream().filter(e -> e.eventType().equals("page_view")).findFirst().orElseThrow();
        assertThat(page.pageUrl()).isEqualTo("https://shop.example/");
    }

    @Test
    void theSdkReportsAWrongWriteKeyAsADeliveryError() {
        String userId = "segment-" + UUID.randomUUID();

        assertThatThrownBy(() -> runSdk("segment-sdk-wrong-key", "not-a-key", userId))
                .hasMessageContaining("\"statuses\":[401]").hasMessageContaining("delivery_failure");
        assertThat(TopicReader.readUsers(LocalStackExtension.stack().kafkaBootstrapServers(), Set.of(userId))).isEmpty();
    }
}
