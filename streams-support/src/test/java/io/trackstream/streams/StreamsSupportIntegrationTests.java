package io.trackstream.streams;

import io.micrometer.core.instrument.MeterRegistry;
import io.trackstream.model.EventCodec;
import io.trackstream.model.EventRecords;
import io.trackstream.model.Topics;
import io.trackstream.model.UserActivityEvent;
import io.trackstream.stack.LocalStackExtension;
import io.trackstream.stack.LocalStackTest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.streams.KafkaStreamsMicrometerListener;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A service with nothing but a topology, on the real Kafka of the local stack: it starts from the
 * shared set-up alone, becomes ready once Streams runs, passes each event once and sends a record
 * that is not a contract event to the dead-letter topic, then goes on.
 */
@LocalStackTest
@SpringBootTest(classes = StreamsSupportIntegrationTests.TopologyOnlyService.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=streams-support-tests", "spring.kafka.streams.state-dir=target/streams-state"})
class StreamsSupportIntegrationTests {

    static final String OUT = "streams-support-tests-out";

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class TopologyOnlyService {

        @Bean
        KStream<String, String> eventIds(StreamsBuilder builder, StreamsSettings settings) {
            KStream<String, String> ids = EventStream.events(builder, settings.dedupHorizon()).mapValues(UserActivityEvent::eventId);
            ids.to(OUT, Produced.with(Serdes.String(), Serdes.String()));
            return ids;
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    StreamsBuilderFactoryBean factoryBean;

    @Autowired
    MeterRegistry meters;

    private final EventCodec codec = EventCodec.create();

    @BeforeAll
    static void createOutputTopic() throws Exception {
        try (Admin admin = LocalStackExtension.stack().openAdmin()) {
            admin.createTopics(List.of(new NewTopic(OUT, 1, (short) 1))).all().get();
        }
    }

    @Test
    void becomesReadyOncRunningPassesEachEventOnceAndDeadLettersWhatItCannotRead() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofSeconds(90)).until(() -> readiness(http) == 200);
        assertThat(factoryBean.getStreamsConfiguration())
                .containsEntry("processing.guarantee", "exactly_once_v2")
                .containsEntry("errors.dead.letter.queue.topic.name", Topics.USER_ACTIVITIES_DLT);

        String run = UUID.randomUUID().toString();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        UserActivityEvent first = event(run + "-1", now);
        UserActivityEvent second = event(run + "-2", now);
        EventRecords records = new EventRecords(codec);
        String poison = "{\"event_type\":\"click\",\"run\":\"" + run + "\"}";
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(records.toRecord(first)).get();
            producer.send(records.toRecord(first)).get();
            producer.send(new ProducerRecord<>(Topics.USER_ACTIVITIES, first.userId(), poison.getBytes(StandardCharsets.UTF_8))).get();
            producer.send(records.toRecord(second)).get();
        }

        List<String> out = new ArrayList<>();
        List<ConsumerRecord<byte[], byte[]>> dead = new ArrayList<>();
        try (KafkaConsumer<String, String> outConsumer = consumer(new StringDeserializer());
             KafkaConsumer<byte[], byte[]> dltConsumer = consumer(new ByteArrayDeserializer())) {
            outConsumer.assign(List.of(new TopicPartition(OUT, 0)));
            outConsumer.seekToBeginning(outConsumer.assignment());
            List<TopicPartition> dlt = IntStream.range(0, Topics.USER_ACTIVITIES_PARTITIONS)
                    .mapToObj(p -> new TopicPartition(Topics.USER_ACTIVITIES_DLT, p)).toList();
            dltConsumer.assign(dlt);
            dltConsumer.seekToBeginning(dlt);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                outConsumer.poll(Duration.ofMillis(200)).forEach(r -> out.add(r.value()));
                dltConsumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (new String(r.value(), StandardCharsets.UTF_8).contains(run)) {
                        dead.add(r);
                    }
                });
                assertThat(out).contains(second.eventId());
                assertThat(dead).hasSize(1);
            });
        }
        assertThat(out).filteredOn(id -> id.startsWith(run)).containsExactly(first.eventId(), second.eventId());
        assertThat(new String(dead.get(0).headers().lastHeader("kafka_dlt-exception-message").value(), StandardCharsets.UTF_8))
                .contains("event_id: ").contains("user_id: ");
        assertThat(dead.get(0).headers().lastHeader("kafka_dlt-original-offset")).isNotNull();
    }

    @Test
    void registersBootsKafkaStreamsMetricsOnce() {
        assertThat(factoryBean.getListeners()).filteredOn(KafkaStreamsMicrometerListener.class::isInstance).hasSize(1);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(meters.getMeters()).anySatisfy(m -> assertThat(m.getId().getName()).startsWith("kafka.stream")));
    }

    private int readiness(HttpClient http) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private UserActivityEvent event(String eventId, Instant timestamp) {
        String json = """
                {"event_id":"%s","user_id":"u-streams","event_type":"click","timestamp":"%s"}""".formatted(eventId, timestamp);
        return codec.decodeClient(json.getBytes(StandardCharsets.UTF_8), timestamp).event();
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStackExtension.stack().kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
    }

    private static <V> KafkaConsumer<V, V> consumer(org.apache.kafka.common.serialization.Deserializer<V> deserializer) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStackExtension.stack().kafkaBootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), deserializer, deserializer);
    }
}
