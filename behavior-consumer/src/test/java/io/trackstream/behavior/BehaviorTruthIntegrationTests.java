package io.trackstream.behavior;

import io.trackstream.model.EventCodec;
import io.trackstream.model.Topics;
import io.trackstream.model.UserActivityEvent;
import io.trackstream.stack.JvmProcess;
import io.trackstream.stack.LocalStack;
import io.trackstream.stack.LocalStackExtension;
import io.trackstream.stack.LocalStackTest;
import io.trackstream.stack.ReactorJars;
import io.trackstream.stack.ServiceLauncher;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import io.trackstream.model.EventRecords;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The truth test on the real stack: the simulator writes a day and a bit of traffic (fixed seed and
 * start, 5 % late events, 5 % duplicates), the service is SIGKILLed part-way through the backlog
 * and started again, and what it serves (sessions per user, profiles, segments and daily paths)
 * must equal a plain recomputation from the topic's records ({@link Recomputation}).
 */
@LocalStackTest
class BehaviorTruthIntegrationTests {

    private static final String GROUP = "behavior-analyzers";
    // Four days back, not a fixed date: the broker deletes records stamped older than the topic's
    // 7-day retention, even mid-test, and the restarted service would skip what it lost.
    private static final Instant START = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.DAYS).minus(Duration.ofDays(4));
    private static final int EVENTS = 40_000;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = EventCodec.create().mapper();

    @Test
    void servesWhatAPlainRecomputationOfTheTopicGivesAfterASigkillMidStream() throws Exception {
        LocalStack stack = LocalStackExtension.stack();
        ServiceLauncher launcher = new ServiceLauncher(stack, Path.of("target/services"));
        // 0.45 events per second of event time (4,500/s at a time scale of 10,000): 40,000 events are
        // 25 hours from START, about 14 visits open at once among 300 users
        int exit = launcher.runToCompletion("simulator", ReactorJars.jar("event-producer"), "256m", List.of(
                "--target=kafka", "--events=" + EVENTS, "--rate=4500", "--seed=24", "--users=300",
                "--start=" + START, "--time-scale=10000", "--late-fraction=0.05", "--max-lateness=PT5M",
                "--duplicate-fraction=0.05"), Duration.ofMinutes(3));
        assertThat(exit).isZero();

        Recomputation truth = Recomputation.of(readTopic(stack));
        assertThat(truth.lateForSessions).as("late events beyond the grace").isPositive();
        // Then one event two days on in every partition: stream time moves past every visit, so each
        // closes in event time. (A wall-clock close would do it too, but on a loaded machine a
        // partition restarting after the kill can wait longer for its records than any short
        // idle time a test could afford, and close visits early; its TopologyTestDriver test pins it.)
        endEveryPartitionsVisits(stack);

        int port = freePort();
        List<String> args = List.of("--trackstream.behavior.log-every-records=10000");
        JvmProcess service = launcher.startFromClasspath("behavior-consumer", BehaviorConsumerApplication.class, "384m", port, args);
        try (Admin admin = stack.openAdmin()) {
            Map<TopicPartition, Long> ends = endOffsets(admin);
            long total = ends.values().stream().mapToLong(Long::longValue).sum();
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50)).until(() -> committed(admin) > 0);
            service.kill();
            long atKill = committed(admin);
            assertThat(atKill).as("killed mid-stream").isLessThan(total);

            service = launcher.startFromClasspath("behavior-consumer", BehaviorConsumerApplication.class, "384m", port, args);
            await().atMost(Duration.ofSeconds(180)).until(() -> committed(admin) == total);
        }
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (Map.Entry<LocalDate, Recomputation.Day> day : truth.days.entrySet()) {
                assertThat(get(port, "/api/v1/behavior/paths?date=" + day.getKey()).get("sessions").asLong())
                        .as("sessions of " + day.getKey()).isEqualTo(day.getValue().sessions);
            }
        });
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEverythingMatches(port, truth));
        } finally {
            service.stop(Duration.ofSeconds(20));
        }
    }

    private static void assertEverythingMatches(int port, Recomputation truth) throws Exception {
        for (Map.Entry<LocalDate, Recomputation.Day> entry : truth.days.entrySet()) {
            Recomputation.Day day = entry.getValue();
            JsonNode paths = get(port, "/api/v1/behavior/paths?date=" + entry.getKey() + "&limit=20").get("paths");
            List<String> served = new ArrayList<>();
            paths.forEach(p -> served.add(String.join(" -> ", p.get("path").valueStream().map(JsonNode::asString).toList())
                    + " = " + p.get("sessions").asLong()));
            assertThat(served).as("paths of " + entry.getKey())
                    .containsExactlyElementsOf(Recomputation.topPaths(day, 20).stream().map(e -> e.getKey() + " = " + e.getValue()).toList());

            Map<String, Long> users = new TreeMap<>();
            Map<String, Map<String, Long>> devices = new TreeMap<>();
            day.segmentOfUser.forEach((user, segment) -> {
                users.merge(segment, 1L, Long::sum);
                day.devicesOfUser.get(user).forEach((d, n) -> devices.computeIfAbsent(segment, s -> new TreeMap<>()).merge(d, n, Long::sum));
            });
            JsonNode segments = get(port, "/api/v1/behavior/segments?date=" + entry.getKey()).get("segments");
            Map<String, Long> servedUsers = new TreeMap<>();
            Map<String, Map<String, Long>> servedDevices = new TreeMap<>();
            segments.properties().forEach(s -> {
                servedUsers.put(s.getKey(), s.getValue().get("users").asLong());
                Map<String, Long> byDevice = new TreeMap<>();
                s.getValue().get("sessions_by_device").properties().forEach(d -> byDevice.put(d.getKey(), d.getValue().asLong()));
                servedDevices.put(s.getKey(), byDevice);
            });
            assertThat(servedUsers).as("segment sizes on " + entry.getKey()).isEqualTo(users);
            assertThat(servedDevices).as("sessions by device per segment on " + entry.getKey()).isEqualTo(devices);
        }
        for (Map.Entry<String, Recomputation.Prof> entry : truth.profiles.entrySet()) {
            String user = entry.getKey();
            Recomputation.Prof expected = entry.getValue();
            JsonNode p = get(port, "/api/v1/users/" + user + "/profile");
            assertThat(p.get("total_events").asLong()).as(user).isEqualTo(expected.events);
            Map<String, Long> byType = new TreeMap<>();
            p.get("events_by_type").properties().forEach(t -> byType.put(t.getKey(), t.getValue().asLong()));
            assertThat(byType).as(user).isEqualTo(expected.byType);
            assertThat(p.get("total_purchases").asLong()).as(user).isEqualTo(expected.purchases);
            BigDecimal spent = p.get("total_spent").has("USD") ? new BigDecimal(p.get("total_spent").get("USD").asString()) : BigDecimal.ZERO;
            assertThat(spent).as(user).isEqualByComparingTo(expected.spent);
            assertThat(Instant.parse(p.get("first_seen").asString())).as(user).isEqualTo(expected.firstSeen);
            assertThat(Instant.parse(p.get("last_active").asString())).as(user).isEqualTo(expected.lastActive);
            assertThat(p.has("last_purchase") ? Instant.parse(p.get("last_purchase").asString()) : null).as(user).isEqualTo(expected.lastPurchase);
            assertThat(p.get("sessions").asLong()).as(user).isEqualTo(expected.sessions);
            if (expected.sessions > 0) {
                assertThat(p.get("avg_session_duration_s").asDouble()).as(user)
                        .isEqualTo(new BigDecimal(expected.sessionMs).divide(BigDecimal.valueOf(1000L * expected.sessions), 3,
                                java.math.RoundingMode.HALF_EVEN).doubleValue());
                assertThat(p.get("segment").asString()).as(user).isEqualTo(expected.segment);
                assertThat(p.get("preferred_device").asString()).as(user).isEqualTo(Recomputation.preferredDevice(expected));
            }
            assertThat(p.get("engagement_score").asDouble()).as(user).isEqualTo(Math.min(100, 0.5 * expected.events + 5 * expected.purchases));
            assertThat(p.get("churn_risk").asDouble()).as(user).isBetween(0.0, 1.0);

            List<Recomputation.Sess> sessions = new ArrayList<>(truth.sessions.getOrDefault(user, List.of()));
            java.util.Collections.reverse(sessions);
            List<String> servedSessions = new ArrayList<>();
            String cursor = null;
            do {
                JsonNode page = get(port, "/api/v1/users/" + user + "/sessions?limit=100" + (cursor == null ? "" : "&cursor=" + cursor));
                page.get("sessions").forEach(s -> servedSessions.add(describe(s)));
                cursor = page.hasNonNull("next_cursor") ? page.get("next_cursor").asString() : null;
            } while (cursor != null);
            assertThat(servedSessions).as("sessions of " + user).containsExactlyElementsOf(sessions.stream().map(BehaviorTruthIntegrationTests::describe).toList());
        }
    }

    private static String describe(JsonNode s) {
        Map<String, Long> counts = new TreeMap<>();
        s.get("event_counts").properties().forEach(c -> counts.put(c.getKey(), c.getValue().asLong()));
        BigDecimal revenue = s.get("revenue").has("USD") ? new BigDecimal(s.get("revenue").get("USD").asString()) : BigDecimal.ZERO;
        List<String> path = s.get("path").valueStream().map(JsonNode::asString).toList();
        return String.join(" | ", s.get("session_id").asString(), Instant.parse(s.get("start").asString()).toString(),
                Instant.parse(s.get("end").asString()).toString(), counts.toString(), path.toString(),
                s.hasNonNull("exit_page") ? s.get("exit_page").asString() : "-", revenue.stripTrailingZeros().toPlainString(),
                s.get("device_type").asString());
    }

    private static String describe(Recomputation.Sess s) {
        return String.join(" | ", s.id(), s.start().toString(), s.end().toString(), s.counts().toString(), s.path().toString(),
                s.exit() == null ? "-" : s.exit(), s.revenue().stripTrailingZeros().toPlainString(), s.device());
    }

    private static JsonNode get(int port, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** Every record of the topic, partition by partition in offset order, decoded with the contract's codec. */
    private static List<List<UserActivityEvent>> readTopic(LocalStack stack) {
        EventCodec codec = EventCodec.create();
        List<List<UserActivityEvent>> partitions = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            for (int p = 0; p < Topics.USER_ACTIVITIES_PARTITIONS; p++) {
                TopicPartition tp = new TopicPartition(Topics.USER_ACTIVITIES, p);
                consumer.assign(List.of(tp));
                consumer.seekToBeginning(List.of(tp));
                long end = consumer.endOffsets(List.of(tp)).get(tp);
                List<UserActivityEvent> events = new ArrayList<>();
                while (consumer.position(tp) < end) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        EventCodec.Decoded decoded = codec.decodeRecord(record.value());
                        assertThat(decoded.violations()).isEmpty();
                        assertThat(record.timestamp()).isEqualTo(decoded.event().timestamp().toEpochMilli());
                        events.add(decoded.event());
                    }
                }
                partitions.add(events);
            }
        }
        return partitions;
    }

    private static void endEveryPartitionsVisits(LocalStack stack) throws Exception {
        EventCodec codec = EventCodec.create();
        EventRecords records = new EventRecords(codec);
        Instant later = START.plus(Duration.ofDays(3));
        java.util.Set<Integer> covered = new java.util.HashSet<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; covered.size() < Topics.USER_ACTIVITIES_PARTITIONS; i++) {
                String user = "clock-" + i;
                int partition = Utils.toPositive(Utils.murmur2(user.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        % Topics.USER_ACTIVITIES_PARTITIONS;
                if (covered.add(partition)) {
                    String json = """
                            {"event_id":"%s","user_id":"%s","event_type":"click","timestamp":"%s"}""".formatted(user, user, later);
                    UserActivityEvent event = codec.decodeClient(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), later).event();
                    producer.send(records.toRecord(event)).get();
                }
            }
        }
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new TreeMap<>(java.util.Comparator.comparingInt(TopicPartition::partition));
        IntStream.range(0, Topics.USER_ACTIVITIES_PARTITIONS).forEach(p -> latest.put(new TopicPartition(Topics.USER_ACTIVITIES, p), OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new TreeMap<>(java.util.Comparator.comparingInt(TopicPartition::partition));
        admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }

    private static long committed(Admin admin) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get();
        return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(Topics.USER_ACTIVITIES) && e.getValue() != null)
                .mapToLong(e -> e.getValue().offset()).sum();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
