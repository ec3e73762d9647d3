package io.trackstream.storage;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.trackstream.model.UserActivityEvent;
import io.trackstream.stack.CassandraNode;
import io.trackstream.stack.LocalStackExtension;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The consumer stopped mid-stream and Cassandra down mid-stream: every produced event ends up
 * stored exactly once. Shares the context of the other integration tests.
 */
class StorageFaultIntegrationTests extends StorageIntegrationTestSupport {

    private static final Instant DAY = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(3));

    @Autowired
    private KafkaListenerEndpointRegistry listeners;

    @Autowired
    private MeterRegistry meters;

    @Test
    void storesEveryEventOnceWhenTheConsumerIsStoppedMidStreamAndStartedAgain() {
        String user = newUser("restart");
        List<UserActivityEvent> events = events(user, 400);
        MessageListenerContainer container = listeners.getListenerContainer("storage-writers");
        // The producer keeps going in chunks while the consumer is stopped under it.
        CompletableFuture<Void> producing = CompletableFuture.runAsync(() -> {
            for (int from = 0; from < events.size(); from += 20) {
                sendAll(events.subList(from, from + 20));
            }
        });
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> storedRows(user, times(events)) > 0);
            container.stop();
            producing.join();
        } finally {
            container.start();
        }

        await().atMost(Duration.ofSeconds(90)).until(() -> storedRows(user, times(events)) == events.size());
        assertThat(storedIds(user)).isEqualTo(ids(events));
    }

    @Test
    void losesAndDoublesNothingWhileCassandraIsDownAndReportsTheOutage() {
        CassandraNode cassandra = LocalStackExtension.stack().cassandra().orElseThrow();
        String user = newUser("outage");
        List<UserActivityEvent> events = events(user, 200);
        sendAll(events.subList(0, 100));
        await().atMost(Duration.ofSeconds(60)).until(() -> storedRows(user, times(events)) == 100);
        try {
            cassandra.stop();
            sendAll(events.subList(100, 200));
            await().atMost(Duration.ofSeconds(60)).until(() -> storageWritesStatus().equals("DOWN"));
            // The outage shows in health for as long as it lasts: still DOWN after two more failed retries.
            double failed = failedWrites();
            await().atMost(Duration.ofSeconds(60)).until(() -> failedWrites() >= failed + 2);
            assertThat(storageWritesStatus()).isEqualTo("DOWN");
        } finally {
            cassandra.start(Duration.ofSeconds(180));
            // The driver reconnects on its own schedule (a few seconds at most); until then a query
            // has no node. Waiting here keeps this test's reads, and the next test's, off that window.
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                    .until(() -> cql.execute("SELECT release_version FROM system.local").one() != null);
        }

        await().atMost(Duration.ofSeconds(120)).until(() -> storedRows(user, times(events)) == events.size());
        assertThat(storedIds(user)).isEqualTo(ids(events));
        await().atMost(Duration.ofSeconds(30)).until(() -> storageWritesStatus().equals("UP"));
    }

    private double failedWrites() {
        Timer failures = meters.find("trackstream.storage.write").tag("result", "failure").timer();
        return failures == null ? 0 : failures.count();
    }

    private String storageWritesStatus() {
        JsonNode health = json(get("/actuator/health"));
        return health.path("components").path("storageWrites").path("status").asString();
    }

    private static List<UserActivityEvent> events(String user, int count) {
        List<UserActivityEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(event(user, "page_view", DAY.plusSeconds(60L * i)));
        }
        return events;
    }

    private static List<Instant> times(List<UserActivityEvent> events) {
        return events.stream().map(UserActivityEvent::timestamp).toList();
    }

    private static Set<String> ids(List<UserActivityEvent> events) {
        return events.stream().map(UserActivityEvent::eventId).collect(Collectors.toSet());
    }

    private Set<String> storedIds(String user) {
        return cql.execute("SELECT event_id FROM user_events WHERE user_id = ? AND bucket = ?", user, DAY)
                .all().stream().map(row -> row.getString(0)).collect(Collectors.toSet());
    }
}
