package io.trackstream.storage;

import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverExecutionProfile;
import com.datastax.oss.driver.api.core.cql.Row;
import io.trackstream.cassandra.BucketSize;
import io.trackstream.model.Topics;
import io.trackstream.model.UserActivityEvent;
import io.trackstream.stack.LocalStackExtension;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The write path and the history API against the real Kafka and Cassandra. */
class StorageConsumerIntegrationTests extends StorageIntegrationTestSupport {

    private static final Duration STORED = Duration.ofSeconds(60);
    private static final Instant DAY = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(10));

    @Test
    void returnsShuffledInputNewestFirstExactlyAsAccepted() {
        String user = newUser("shuffled");
        List<UserActivityEvent> events = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            events.add(event(user, "page_view", DAY.plus(Duration.ofMinutes(37L * i)).plusMillis(i * 7L + 1)));
        }
        List<UserActivityEvent> shuffled = new ArrayList<>(events);
        Collections.shuffle(shuffled, new Random(4));
        sendAll(shuffled);

        JsonNode page = awaitEvents(user, "", 12);

        List<UserActivityEvent> newestFirst = events.stream()
                .sorted(Comparator.comparing(UserActivityEvent::timestamp).reversed()).toList();
        assertThat(ids(page)).containsExactlyElementsOf(newestFirst.stream().map(UserActivityEvent::eventId).toList());
        // Metadata JSON-equal, milliseconds kept, Unicode intact: each event is the accepted document.
        for (int i = 0; i < newestFirst.size(); i++) {
            assertThat(page.get("events").get(i)).isEqualTo(CODEC.mapper().readTree(CODEC.encode(newestFirst.get(i))));
        }
        assertThat(page.get("user_id").asString()).isEqualTo(user);
        assertThat(page.get("next_cursor").isNull()).isTrue();
    }

    @Test
    void splitsMidnightIntoTwoBucketsAndReturnsMidnightFirst() {
        String user = newUser("midnight");
        UserActivityEvent lastMs = event(user, "click", Instant.parse("2026-03-09T23:59:59.999Z"));
        UserActivityEvent midnight = event(user, "click", Instant.parse("2026-03-10T00:00:00.000Z"));
        // 03:00 in India is 21:30 UTC the day before.
        UserActivityEvent india = event(user, "click", OffsetDateTime.parse("2026-03-09T03:00:00+05:30").toInstant());
        sendAll(List.of(lastMs, india, midnight));

        JsonNode page = awaitEvents(user, "", 3);

        assertThat(ids(page)).containsExactly(midnight.eventId(), lastMs.eventId(), india.eventId());
        assertThat(page.get("events").get(0).get("timestamp").asString()).isEqualTo("2026-03-10T00:00:00.000Z");
        assertThat(page.get("events").get(1).get("timestamp").asString()).isEqualTo("2026-03-09T23:59:59.999Z");
        assertThat(bucketOf(user, lastMs)).isEqualTo(Instant.parse("2026-03-09T00:00:00Z"));
        assertThat(bucketOf(user, midnight)).isEqualTo(Instant.parse("2026-03-10T00:00:00Z"));
        assertThat(bucketOf(user, india)).isEqualTo(Instant.parse("2026-03-08T00:00:00Z"));
    }

    @Test
    void pagesThreeDaysWithLimitFourWithoutGapOrDuplicate() {
        String user = newUser("paging");
        List<UserActivityEvent> events = new ArrayList<>();
        for (int day = 0; day < 3; day++) {
            Instant start = DAY.plus(Duration.ofDays(day));
            // The first and last millisecond of each day sit right on the bucket boundaries.
            events.add(event(user, "click", start));
            events.add(event(user, "search", start.plus(Duration.ofHours(12))));
            events.add(event(user, "click", start.plus(Duration.ofDays(1)).minusMillis(1)));
        }
        sendAll(events);
        awaitEvents(user, "?limit=1000", 9);

        List<JsonNode> pages = pages(user, "?limit=4", 10);
        List<String> seen = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        for (JsonNode page : pages) {
            assertThat(page.get("events").size()).isLessThanOrEqualTo(4);
            page.get("events").forEach(e -> {
                seen.add(e.get("event_id").asString());
                times.add(Instant.parse(e.get("timestamp").asString()));
            });
        }

        assertThat(pages).hasSize(3);
        assertThat(seen).hasSize(9).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(events.stream().map(UserActivityEvent::eventId).toList());
        for (int i = 1; i < times.size(); i++) {
            assertThat(times.get(i)).isBefore(times.get(i - 1));
        }
    }

    @Test
    void findsBucketsAnotherInstanceWroteThroughTheIndex() {
        // Today and yesterday are written through Kafka by this instance. The day before holds rows
        // it never wrote (copied in CQL, as another instance or an earlier run would have): the
        // reader knows the buckets from the index alone, so the second page finds them too.
        String user = newUser("adjacent");
        String elsewhere = newUser("elsewhere");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant yesterday = BucketSize.DAY.bucketOf(now).minus(Duration.ofDays(1));
        Instant dayBefore = yesterday.minus(Duration.ofDays(1));
        List<UserActivityEvent> known = new ArrayList<>();
        List<UserActivityEvent> copied = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            known.add(event(user, "click", now.minusSeconds(i + 1)));
            known.add(event(user, "click", yesterday.plus(Duration.ofHours(3L + i))));
            copied.add(event(elsewhere, "search", dayBefore.plus(Duration.ofHours(3L + i))));
        }
        sendAll(known);
        sendAll(copied);
        awaitEvents(user, "?limit=1000", 6);
        awaitEvents(elsewhere, "?limit=1000", 3);
        for (Row row : cql.execute("SELECT JSON * FROM user_events WHERE user_id = ? AND bucket = ?", elsewhere, dayBefore)) {
            ObjectNode copy = (ObjectNode) CODEC.mapper().readTree(row.getString(0));
            cql.execute("INSERT INTO user_events JSON ?", copy.put("user_id", user).toString());
        }
        cql.execute("INSERT INTO user_buckets (user_id, bucket) VALUES (?, ?)", user, dayBefore);

        List<String> paged = pages(user, "?limit=4", 5).stream().flatMap(page -> ids(page).stream()).toList();

        List<UserActivityEvent> all = new ArrayList<>(known);
        all.addAll(copied);
        assertThat(paged).containsExactlyElementsOf(all.stream()
                .sorted(Comparator.comparing(UserActivityEvent::timestamp).reversed())
                .map(UserActivityEvent::eventId).toList());
    }

    @Test
    void appliesTheTypeFilterBeforeTheLimitAndTheTimeWindow() {
        String user = newUser("filter");
        List<UserActivityEvent> events = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            events.add(event(user, i % 2 == 0 ? "click" : "page_view", DAY.plus(Duration.ofHours(i * 5L))));
        }
        sendAll(events);
        awaitEvents(user, "?limit=1000", 8);

        JsonNode clicks = history(user, "?event_type=click&limit=3");
        assertThat(ids(clicks)).containsExactly(events.get(6).eventId(), events.get(4).eventId(), events.get(2).eventId());
        assertThat(clicks.get("next_cursor").isNull()).isFalse();

        JsonNode rest = history(user, "?event_type=click&limit=3&cursor=" + clicks.get("next_cursor").asString());
        assertThat(ids(rest)).containsExactly(events.get(0).eventId());
        assertThat(rest.get("next_cursor").isNull()).isTrue();

        JsonNode both = history(user, "?event_type=click&event_type=page_view&from=" + events.get(2).timestamp()
                + "&to=" + events.get(5).timestamp());
        assertThat(ids(both)).containsExactly(events.get(4).eventId(), events.get(3).eventId(), events.get(2).eventId());
    }

    @Test
    void keepsTwoEventsOfTheSameMillisecondAndStoresALateEventInPlace() {
        String user = newUser("same-ms");
        Instant at = DAY.plus(Duration.ofHours(9)).plusMillis(123);
        UserActivityEvent first = event(user, "click", at);
        UserActivityEvent second = event(user, "add_to_cart", at);
        UserActivityEvent newest = event(user, "purchase", at.plus(Duration.ofHours(1)));
        sendAll(List.of(first, second, newest));
        awaitEvents(user, "", 3);

        UserActivityEvent late = event(user, "page_view", newest.timestamp().minus(Duration.ofMinutes(30)));
        send(late);
        JsonNode page = awaitEvents(user, "", 4);

        List<String> sameMs = first.eventId().compareTo(second.eventId()) < 0
                ? List.of(first.eventId(), second.eventId()) : List.of(second.eventId(), first.eventId());
        assertThat(ids(page)).containsExactly(newest.eventId(), late.eventId(), sameMs.get(0), sameMs.get(1));
        // Paging through the tie one by one neither loses nor repeats one of them.
        JsonNode one = history(user, "?limit=3");
        JsonNode two = history(user, "?limit=3&cursor=" + one.get("next_cursor").asString());
        assertThat(ids(two)).containsExactly(sameMs.get(1));
    }

    @Test
    void pagesFromTheCurrentBucketIntoOlderOnesAndHoldsBackEventsBeyondTheHorizon() {
        String user = newUser("current");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<UserActivityEvent> recent = List.of(
                event(user, "click", now.minusSeconds(1)),
                event(user, "click", now.minusSeconds(2)),
                event(user, "click", now.minusSeconds(3)));
        List<UserActivityEvent> older = List.of(
                event(user, "search", DAY.plus(Duration.ofHours(2))),
                event(user, "search", DAY.plus(Duration.ofHours(1))));
        // Valid by the contract (stamped no later than received_at + 5 min), but its producer's
        // clock is two hours ahead of ours.
        Instant ahead = now.plus(Duration.ofHours(2));
        UserActivityEvent early = event(user, "login", ahead).withReceivedAt(ahead);
        List<UserActivityEvent> all = new ArrayList<>(recent);
        all.addAll(older);
        all.add(early);
        sendAll(all);
        String beyond = "?to=" + ahead.plusSeconds(1);
        awaitEvents(user, beyond, 6);

        // The current bucket fills the first page; the next pages come from the index's older buckets.
        List<String> paged = pages(user, "?limit=2", 3).stream().flatMap(page -> ids(page).stream()).toList();
        List<String> expected = new ArrayList<>(recent.stream().map(UserActivityEvent::eventId).toList());
        older.forEach(e -> expected.add(e.eventId()));
        assertThat(paged).containsExactlyElementsOf(expected);

        // Stored all the same, and read with an explicit to beyond it.
        assertThat(ids(history(user, beyond + "&limit=2"))).containsExactly(early.eventId(), recent.get(0).eventId());
    }

    @Test
    void storesAnEventDeliveredTwiceOnce() {
        String user = newUser("dup");
        UserActivityEvent event = event(user, "purchase", DAY.plus(Duration.ofHours(3)));
        byte[] bytes = CODEC.encode(event);
        send(user, bytes);
        send(user, bytes);
        // Same key, same partition: once the later event is visible, both copies were processed.
        UserActivityEvent after = event(user, "click", DAY.plus(Duration.ofHours(4)));
        send(after);

        JsonNode page = awaitEvents(user, "", 2);

        assertThat(ids(page)).containsExactly(after.eventId(), event.eventId());
        assertThat(storedRows(user, List.of(event.timestamp()))).isEqualTo(2);
    }

    @Test
    void deadLettersAPoisonRecordAndStoresTheValidOnesBehindIt() {
        String user = newUser("poison");
        byte[] poison = "{\"event_id\":\"x\",\"user_id\":0,\"timestamp\":\"yesterday\"".getBytes(StandardCharsets.UTF_8);
        RecordMetadata poisoned = send(user, poison);
        List<UserActivityEvent> valid = List.of(
                event(user, "click", DAY.plusSeconds(1)),
                event(user, "click", DAY.plusSeconds(2)),
                event(user, "click", DAY.plusSeconds(3)));
        sendAll(valid);

        awaitEvents(user, "", 3);

        ConsumerRecord<String, byte[]> dead = awaitDeadLetter(user);
        assertThat(dead.value()).isEqualTo(poison);
        assertThat(dead.partition()).isEqualTo(poisoned.partition());
        assertThat(header(dead, "kafka_dlt-original-topic")).isEqualTo(Topics.USER_ACTIVITIES);
        assertThat(ByteBuffer.wrap(dead.headers().lastHeader("kafka_dlt-original-partition").value()).getInt())
                .isEqualTo(poisoned.partition());
        assertThat(ByteBuffer.wrap(dead.headers().lastHeader("kafka_dlt-original-offset").value()).getLong())
                .isEqualTo(poisoned.offset());
        assertThat(header(dead, "trackstream.dlt.reason")).startsWith("body:");
        await().atMost(STORED).untilAsserted(() -> assertThat(storageWritersLag()).isZero());
    }

    @Test
    void exposesStorageMetricsConsumerLagAndProbes() {
        String user = newUser("metrics");
        send(user, "not json".getBytes(StandardCharsets.UTF_8));
        send(event(user, "login", DAY.plusSeconds(5)));
        awaitEvents(user, "", 1);

        await().atMost(STORED).untilAsserted(() -> assertThat(get("/actuator/prometheus").body())
                .contains("trackstream_storage_events_stored_total{application=\"storage-consumer\"")
                .contains("trackstream_storage_write_seconds_count{application=\"storage-consumer\",result=\"success\"")
                .contains("trackstream_storage_batch_size_records_count")
                .contains("trackstream_storage_dead_lettered_total{application=\"storage-consumer\",reason=\"malformed\"")
                .contains("kafka_consumer_fetch_manager_records_lag_max"));
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        JsonNode apiDocs = json(get("/v3/api-docs"));
        assertThat(apiDocs.path("paths").has("/api/v1/users/{userId}/events")).isTrue();
        JsonNode event = apiDocs.path("components").path("schemas").path("UserActivityEvent").path("properties");
        assertThat(event.path("metadata").toString()).contains("\"object\"");
        assertThat(event.path("properties").toString()).contains("EventProperties");
    }

    @Test
    void boundsTheSessionWithTheDriversThrottler() {
        DriverExecutionProfile profile = cql.getContext().getConfig().getDefaultProfile();

        assertThat(profile.getString(DefaultDriverOption.REQUEST_THROTTLER_CLASS)).endsWith("ConcurrencyLimitingRequestThrottler");
        assertThat(profile.getInt(DefaultDriverOption.REQUEST_THROTTLER_MAX_QUEUE_SIZE)).isGreaterThanOrEqualTo(6 * 2 * 2000);
    }

    @Test
    void answersAnUnknownUserWithAnEmptyPage() {
        JsonNode page = history(newUser("nobody"), "");

        assertThat(page.get("events").isArray()).isTrue();
        assertThat(page.get("events").size()).isZero();
        assertThat(page.get("next_cursor").isNull()).isTrue();
    }

    private JsonNode awaitEvents(String user, String query, int count) {
        AtomicReference<JsonNode> page = new AtomicReference<>();
        await().atMost(STORED).untilAsserted(() -> {
            page.set(history(user, query));
            assertThat(page.get().get("events").size()).isEqualTo(count);
        });
        return page.get();
    }

    private Instant bucketOf(String user, UserActivityEvent event) {
        return cql.execute("SELECT bucket FROM user_events WHERE user_id = ? AND event_id = ? ALLOW FILTERING",
                user, event.eventId()).one().getInstant(0);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static ConsumerRecord<String, byte[]> awaitDeadLetter(String key) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStackExtension.stack().kafkaBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (int p = 0; p < Topics.USER_ACTIVITIES_PARTITIONS; p++) {
                partitions.add(new TopicPartition(Topics.USER_ACTIVITIES_DLT, p));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
            await().atMost(STORED).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
                return !found.isEmpty();
            });
            // Once in the dead-letter topic, not once per delivery of its batch.
            assertThat(new LinkedHashSet<>(found.stream().map(ConsumerRecord::offset).toList())).hasSize(1);
            return found.get(0);
        }
    }
}
