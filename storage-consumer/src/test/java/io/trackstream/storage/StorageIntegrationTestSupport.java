package io.trackstream.storage;

import com.datastax.oss.driver.api.core.CqlSession;
import io.trackstream.cassandra.BucketSize;
import io.trackstream.model.EventCodec;
import io.trackstream.model.EventProperties;
import io.trackstream.model.Location;
import io.trackstream.model.Topics;
import io.trackstream.model.UserActivityEvent;
import io.trackstream.stack.LocalStackExtension;
import io.trackstream.stack.LocalStackTest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * What every integration test of this module shares: one Spring context on the real local stack
 * (same configuration everywhere, so it is started once), a plain producer writing records the way
 * the ingest API does, and small clients for the history API, CQL and consumer lag.
 */
@LocalStackTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class StorageIntegrationTestSupport {

    protected static final EventCodec CODEC = EventCodec.create();

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    protected static KafkaProducer<String, byte[]> producer;

    @LocalServerPort
    protected int port;

    @Autowired
    protected CqlSession cql;

    @BeforeAll
    static void openProducer() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStackExtension.stack().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5),
                new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void closeProducer() {
        producer.close();
    }

    protected static String newUser(String label) {
        return label + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A full event: properties with an extra key, device, location and Unicode metadata. */
    protected static UserActivityEvent event(String userId, String type, Instant at) {
        return new UserActivityEvent(UUID.randomUUID().toString(), userId, type, at, null, Instant.now(),
                "s-1", "https://shop.example/p/42", null, "Mozilla/5.0", "203.0.113.7",
                new EventProperties("42", "Café crème ☕", new BigDecimal("19.90"), "drinks", null, null, "EUR", 2,
                        "{\"color\":\"grün\"}"),
                new io.trackstream.model.Device("mobile", "Android", "Chrome"),
                new Location("DE", "Köln", "Europe/Berlin"),
                "{\"campaign\":\"été-2024\",\"nested\":{\"a\":[1,2.5,\"日本\"]},\"flag\":true}",
                null, null);
    }

    protected static RecordMetadata send(UserActivityEvent event) {
        return send(event.userId(), CODEC.encode(event));
    }

    protected static RecordMetadata send(String key, byte[] value) {
        try {
            return producer.send(new ProducerRecord<>(Topics.USER_ACTIVITIES, key, value)).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    protected static void sendAll(List<UserActivityEvent> events) {
        events.forEach(e -> producer.send(new ProducerRecord<>(Topics.USER_ACTIVITIES, e.userId(), CODEC.encode(e))));
        producer.flush();
    }

    protected HttpResponse<String> get(String pathAndQuery) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    protected JsonNode json(HttpResponse<String> response) {
        return CODEC.mapper().readTree(response.body());
    }

    /** The history page as JSON, asserting it was a 200. */
    protected JsonNode history(String userId, String query) {
        HttpResponse<String> response = get("/api/v1/users/" + userId + "/events" + query);
        if (response.statusCode() != 200) {
            throw new AssertionError("history answered " + response.statusCode() + ": " + response.body());
        }
        return json(response);
    }

    /** The user's history for {@code query} page after page, following next_cursor, at most {@code maxPages}. */
    protected List<JsonNode> pages(String userId, String query, int maxPages) {
        List<JsonNode> pages = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = history(userId, query + (cursor == null ? "" : "&cursor=" + cursor));
            pages.add(page);
            cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asString();
        } while (cursor != null && pages.size() < maxPages);
        return pages;
    }

    protected static List<String> ids(JsonNode page) {
        return page.get("events").valueStream().map(e -> e.get("event_id").asString()).toList();
    }

    /** Rows of the user in the given day buckets, counted in CQL (each distinct primary key once). */
    protected long storedRows(String userId, List<Instant> eventTimes) {
        List<Instant> buckets = eventTimes.stream().map(BucketSize.DAY::bucketOf).distinct().toList();
        return buckets.stream().mapToLong(bucket -> cql.execute(
                "SELECT count(*) FROM user_events WHERE user_id = ? AND bucket = ?", userId, bucket)
                .one().getLong(0)).sum();
    }

    /** Committed offsets of {@code storage-writers} behind the end of {@code user-activities}, summed. */
    protected static long storageWritersLag() {
        try (Admin admin = LocalStackExtension.stack().openAdmin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("storage-writers")
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> request = IntStream.range(0, Topics.USER_ACTIVITIES_PARTITIONS).boxed()
                    .collect(Collectors.toMap(p -> new TopicPartition(Topics.USER_ACTIVITIES, p), p -> OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(request).all().get();
            Map<TopicPartition, Long> lag = new HashMap<>();
            ends.forEach((tp, end) -> {
                OffsetAndMetadata c = committed.get(tp);
                lag.put(tp, end.offset() - (c == null ? 0 : c.offset()));
            });
            return lag.values().stream().mapToLong(Long::longValue).sum();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }
}
