package io.trackstream.system;

import io.trackstream.model.EventCodec;
import io.trackstream.model.Topics;
import io.trackstream.model.UserActivityEvent;
import io.trackstream.stack.LocalStackExtension;
import io.trackstream.stack.LocalStackTest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Accepted, consumable, stored, end to end: the built ingest-api and storage-consumer jars on the
 * real stack, several thousand generated bodies (valid and broken, reproducible from
 * {@code -Dtrackstream.fuzz.seed}) to {@code /track} and {@code /batch}. No answer is a 5xx; every
 * event answered 202, or accepted in a 207, is read back through the history API equal to what the
 * contract makes of the body it was accepted from; nothing reaches the dead-letter topic; and the
 * lag of {@code storage-writers} returns to 0 on every partition.
 *
 * <p>The bodies are sampled through QuickTheories (common-model's {@code ClientBodies}) before
 * anything is sent, so the test is a plain one: one run of the traffic, checked as a whole.
 */
@LocalStackTest
class AcceptedIsStoredSystemTests {

    private static final long SEED = Long.getLong("trackstream.fuzz.seed", 20_261_203L);
    private static final int TRACKS = Integer.getInteger("trackstream.fuzz.tracks", 2_500);
    private static final int BATCHES = Integer.getInteger("trackstream.fuzz.batches", 150);

    private static final EventCodec CODEC = EventCodec.create();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static Services services;

    @BeforeAll
    static void startServices() {
        // The IP the client sent is kept as sent, so a stored event can be compared field by field.
        services = Services.start(LocalStackExtension.stack(), List.of("--trackstream.ingest.enrichment.anonymize-ip=false"));
    }

    @AfterAll
    static void stopServices() {
        if (services != null) {
            services.close();
        }
    }

    @Test
    void storesEveryAcceptedEventAsAcceptedAndAnswersNoBodyWithA5xx() {
        Traffic traffic = new Traffic(services.ingest(), SEED, Instant.now());
        traffic.send(TRACKS, BATCHES);
        System.out.printf("seed %d: %s, %d events accepted%n", SEED, traffic.statuses(), traffic.accepted().size());

        assertThat(traffic.serverErrors()).as("answers with a 5xx (seed %d)", SEED).isEmpty();
        assertThat(traffic.accepted()).hasSizeGreaterThan(TRACKS / 5);

        // A client may send one event_id twice (the dedup key: a redelivery overwrites itself), so
        // an id accepted more than once is only looked for; every other event is compared whole.
        Map<String, List<Traffic.Accepted>> byId = traffic.accepted().stream()
                .collect(Collectors.groupingBy(Traffic.Accepted::eventId));
        Map<String, JsonNode> stored = new HashMap<>();
        Map<String, List<String>> idsByUser = traffic.accepted().stream().collect(Collectors.groupingBy(
                a -> userId(a.element()), Collectors.mapping(Traffic.Accepted::eventId, Collectors.toList())));
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            idsByUser.forEach((user, ids) -> {
                if (!stored.keySet().containsAll(ids)) {
                    stored.putAll(history(user));
                }
            });
            assertThat(stored.keySet()).containsAll(byId.keySet());
        });

        Map<String, UserActivityEvent> mismatches = new LinkedHashMap<>();
        byId.values().stream().filter(same -> same.size() == 1).map(same -> same.get(0)).forEach(accepted -> {
            String id = accepted.eventId();
            UserActivityEvent read = CODEC.decodeRecord(CODEC.mapper().writeValueAsBytes(stored.get(id))).event();
            assertThat(read).as("event %s as read back: %s", id, stored.get(id)).isNotNull();
            if (!read.equals(expected(accepted, read))) {
                mismatches.put(accepted.element() + "\n   expected " + expected(accepted, read) + "\n   stored   ", read);
            }
        });
        assertThat(mismatches).as("events stored otherwise than accepted (seed %d)", SEED).isEmpty();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(lag("storage-writers")).as("lag of storage-writers per partition").allSatisfy((p, lag) ->
                        assertThat(lag).isZero()));
        assertThat(endOffsets(Topics.USER_ACTIVITIES_DLT).values()).as("records dead-lettered").containsOnly(0L);
    }

    /**
     * What the contract makes of the accepted JSON at the time the server received it, with the
     * id the server answered and what the edge adds when the client sent none: the connection's IP
     * and the device parsed from the user agent.
     */
    private static UserActivityEvent expected(Traffic.Accepted accepted, UserActivityEvent stored) {
        EventCodec.Decoded decoded = CODEC.decodeClient(accepted.element(), stored.receivedAt(), accepted.batchSentAt());
        assertThat(decoded.violations()).as("the accepted %s decoded again", accepted.element()).isEmpty();
        UserActivityEvent event = decoded.event().withEventId(accepted.eventId());
        event = event.ipAddress() == null ? event.withIpAddress(stored.ipAddress()) : event;
        return event.device() == null ? event.withDevice(stored.device()) : event;
    }

    private static String userId(JsonNode element) {
        JsonNode id = element.get("user_id");
        return id.isIntegralNumber() ? Long.toString(id.longValue()) : id.asString();
    }

    /** Every event of the user's history, page after page, by event id. */
    private static Map<String, JsonNode> history(String userId) {
        Map<String, JsonNode> events = new HashMap<>();
        String path = "/api/v1/users/" + URLEncoder.encode(userId, StandardCharsets.UTF_8).replace("+", "%20")
                + "/events?limit=1000";
        String cursor = null;
        do {
            JsonNode page = get(path + (cursor == null ? "" : "&cursor=" + cursor));
            page.get("events").forEach(event -> events.put(event.get("event_id").asString(), event));
            cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asString();
        } while (cursor != null);
        return events;
    }

    private static JsonNode get(String pathAndQuery) {
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(services.storage() + pathAndQuery))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(answer.statusCode()).as("GET %s: %s", pathAndQuery, answer.body()).isEqualTo(200);
            return CODEC.mapper().readTree(answer.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<Integer, Long> lag(String group) throws ExecutionException, InterruptedException {
        try (Admin admin = LocalStackExtension.stack().openAdmin()) {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            Map<Integer, Long> lag = new HashMap<>();
            endOffsets(Topics.USER_ACTIVITIES).forEach((partition, end) -> {
                OffsetAndMetadata at = committed.get(new TopicPartition(Topics.USER_ACTIVITIES, partition));
                lag.put(partition, end - (at == null ? 0 : at.offset()));
            });
            return lag;
        }
    }

    private static Map<Integer, Long> endOffsets(String topic) {
        try (Admin admin = LocalStackExtension.stack().openAdmin()) {
            Map<TopicPartition, OffsetSpec> latest = IntStream.range(0, Topics.USER_ACTIVITIES_PARTITIONS).boxed()
                    .collect(Collectors.toMap(p -> new TopicPartition(topic, p), p -> OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get().entrySet().stream()
                    .collect(Collectors.toMap(e -> e.getKey().partition(), e -> e.getValue().offset()));
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
