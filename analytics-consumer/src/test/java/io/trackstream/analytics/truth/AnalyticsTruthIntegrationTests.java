package io.trackstream.analytics.truth;

import io.trackstream.analytics.AnalyticsConsumerApplication;
import io.trackstream.model.Topics;
import io.trackstream.stack.JvmProcess;
import io.trackstream.stack.LocalStack;
import io.trackstream.stack.LocalStackExtension;
import io.trackstream.stack.LocalStackTest;
import io.trackstream.stack.ReactorJars;
import io.trackstream.stack.ServiceLauncher;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The truth test on the real Kafka and Cassandra: the simulator (fixed seed, simulated clock, 5 %
 * late events and 5 % duplicates, two hours across a midnight) writes into the topic while the
 * service runs; the service is SIGKILLed mid-stream and started again; then every figure the REST
 * API serves for those days must equal a plain fold of the topic's records ({@link TopicFold}). A
 * record that cannot be decoded, sent first, must reach the dead-letter topic without stopping
 * anything.
 */
@LocalStackTest
class AnalyticsTruthIntegrationTests {

    private static final List<String> FUNNEL = List.of("page_view", "click", "purchase");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void servesFiguresEqualToAPlainFoldOfTheTopicThroughASigkillAndARestart() throws Exception {
        LocalStack stack = LocalStackExtension.stack();
        ServiceLauncher launcher = new ServiceLauncher(stack, Path.of("target/services"));
        int port = freePort();
        // A dead member leaves the group after its session timeout: 10 s instead of 45 s.
        List<String> args = List.of("--trackstream.analytics.flush-interval=500ms",
                "--spring.kafka.streams.properties.session.timeout.ms=10000");
        // Two simulated hours across a midnight, ending a day ago: within the topic's 7-day
        // retention (older event times would let the broker delete the segments mid-test).
        Instant start = LocalDate.now(ZoneOffset.UTC).minusDays(2).atTime(23, 0).toInstant(ZoneOffset.UTC);
        LocalDate firstDay = LocalDate.ofInstant(start, ZoneOffset.UTC);

        JvmProcess service = launcher.startFromClasspath("analytics-consumer", AnalyticsConsumerApplication.class, "384m", port, args);
        try {
            String poison = "{\"event_type\":\"click\",\"poison\":\"" + start + "\"}";
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
                producer.send(new ProducerRecord<>(Topics.USER_ACTIVITIES, "poison-user", poison.getBytes(StandardCharsets.UTF_8))).get();
            }
            CompletableFuture<Integer> simulator = CompletableFuture.supplyAsync(() -> launcher.runToCompletion("simulator",
                    ReactorJars.jar("event-producer"), "256m", List.of("--target=kafka", "--events=30000", "--rate=1500",
                            "--users=400", "--seed=21", "--start=" + start, "--time-scale=360", "--late-fraction=0.05",
                            "--duplicate-fraction=0.05"), Duration.ofMinutes(4)));

            long servedAtKill = await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
                    .until(() -> servedEvents(port, firstDay), served -> served > 1_000);
            service.kill();
            service = launcher.startFromClasspath("analytics-consumer", AnalyticsConsumerApplication.class, "384m", port, args);
            assertThat(simulator.get(5, TimeUnit.MINUTES)).isZero();

            TopicFold truth = fold(stack);
            assertThat(truth.days()).containsExactly(firstDay, firstDay.plusDays(1));
            assertThat(truth.lateDropped("hour")).as("late events beyond grace in the run").isPositive();
            assertThat(truth.duplicates).as("duplicates in the run").isPositive();
            assertThat(servedAtKill).as("killed mid-stream").isLessThan(truth.countedEvents());
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2))
                    .untilAsserted(() -> assertServedEqualsTruth(port, truth, firstDay));
            assertThat(deadLetters(stack)).contains(poison);
        } finally {
            service.stop(Duration.ofSeconds(15));
        }
    }

    private void assertServedEqualsTruth(int port, TopicFold truth, LocalDate firstDay) throws Exception {
        LocalDate secondDay = firstDay.plusDays(1);
        Instant from = firstDay.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = secondDay.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        assertSame(get(port, "summary?granularity=day&from=" + firstDay + "&to=" + secondDay), truth.summary("day", from, to));
        assertSame(get(port, "summary?granularity=hour&from=" + from + "&to=" + to), truth.summary("hour", from, to));
        for (LocalDate day : List.of(firstDay, secondDay)) {
            assertSame(get(port, "top-pages?limit=100&date=" + day), truth.topPages(day));
            assertSame(get(port, "products?sort=views&limit=100&date=" + day), truth.productsByViews(day));
            assertSame(get(port, "funnel?date=" + day), truth.funnel(day));
            assertSame(get(port, "geo?date=" + day), truth.geo(day));
            assertSame(get(port, "top-users?limit=100&date=" + day), truth.topUsers(day));
        }
    }

    private static void assertSame(Object served, Object expected) {
        assertThat(canonical(served)).isEqualTo(canonical(expected));
    }

    /** Maps sorted by key, numbers compared by value (so 5, 5L and 5.00 are one figure), text as is. */
    private static Object canonical(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(k.toString(), canonical(v)));
            return sorted;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(AnalyticsTruthIntegrationTests::canonical).toList();
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
        }
        return value;
    }

    private Object get(int port, String pathAndQuery) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/v1/analytics/" + pathAndQuery)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(pathAndQuery + ": " + response.body()).isEqualTo(200);
        return JSON.readValue(response.body(), Object.class);
    }

    @SuppressWarnings("unchecked")
    private long servedEvents(int port, LocalDate day) {
        try {
            Map<String, Object> summary = (Map<String, Object>) get(port, "summary?granularity=day&from=" + day);
            Map<String, Object> bucket = (Map<String, Object>) ((List<Object>) summary.get("buckets")).get(0);
            return ((Map<String, Number>) bucket.get("events")).values().stream().mapToLong(Number::longValue).sum();
        } catch (Exception | AssertionError notYet) {
            return 0;
        }
    }

    /** Every committed record of the topic, partition by partition in offset order, into the fold. */
    private static TopicFold fold(LocalStack stack) {
        TopicFold fold = new TopicFold(Duration.ofMinutes(2), Duration.ofHours(1), FUNNEL);
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(stack)) {
            for (int p = 0; p < Topics.USER_ACTIVITIES_PARTITIONS; p++) {
                TopicPartition partition = new TopicPartition(Topics.USER_ACTIVITIES, p);
                fold.nextPartition();
                for (ConsumerRecord<byte[], byte[]> record : readAll(consumer, partition)) {
                    fold.add(record.value());
                }
            }
        }
        return fold;
    }

    private static List<String> deadLetters(LocalStack stack) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(stack)) {
            IntStream.range(0, Topics.USER_ACTIVITIES_PARTITIONS).forEach(p ->
                    readAll(consumer, new TopicPartition(Topics.USER_ACTIVITIES_DLT, p))
                            .forEach(r -> values.add(new String(r.value(), StandardCharsets.UTF_8))));
        }
        return values;
    }

    private static List<ConsumerRecord<byte[], byte[]>> readAll(KafkaConsumer<byte[], byte[]> consumer, TopicPartition partition) {
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        long end = consumer.endOffsets(List.of(partition)).get(partition);
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        while (consumer.position(partition) < end) {
            consumer.poll(Duration.ofMillis(500)).records(partition).forEach(records::add);
        }
        return records;
    }

    private static KafkaConsumer<byte[], byte[]> consumer(LocalStack stack) {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
