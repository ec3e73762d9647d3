package io.trackstream.producer;

import io.trackstream.model.EventCodec;
import io.trackstream.model.RecordHeaders;
import io.trackstream.model.Topics;
import io.trackstream.producer.traffic.GroundTruth;
import io.trackstream.stack.LocalStackExtension;
import io.trackstream.stack.LocalStackTest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs the real application, as {@code java -jar} would, against the real broker of the local stack
 * and counts what arrived on the topic after the offsets it had before the run.
 */
@LocalStackTest(cassandra = false)
class EventProducerIntegrationTests {

    private static final EventCodec CODEC = EventCodec.create();

    @Test
    void rateOf200ForFiveSecondsPutsAThousandValidRecordsOnTheTopic(@TempDir Path dir) throws Exception {
        String bootstrap = LocalStackExtension.stack().kafkaBootstrapServers();
        Path truthFile = dir.resolve("truth.json");
        try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrap)) {
            List<TopicPartition> partitions = IntStream.range(0, Topics.USER_ACTIVITIES_PARTITIONS)
                    .mapToObj(p -> new TopicPartition(Topics.USER_ACTIVITIES, p)).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> before = consumer.endOffsets(partitions);
            before.forEach(consumer::seek);

            int exitCode = EventProducerApplication.runToCompletion("--rate=200", "--duration=PT5S",
                    "--target=kafka", "--seed=" + System.nanoTime(), "--ground-truth=" + truthFile,
                    "--spring.kafka.bootstrap-servers=" + bootstrap);

            assertThat(exitCode).isZero();
            GroundTruth truth = CODEC.mapper().readValue(truthFile.toFile(), GroundTruth.class);
            assertThat(truth.emitted()).isBetween(950L, 1050L);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                assertThat(records).hasSize((int) truth.emitted());
            });
            assertThat(records).allSatisfy(record -> {
                EventCodec.Decoded decoded = CODEC.decodeRecord(record.value());
                assertThat(decoded.violations()).isEmpty();
                assertThat(record.key()).isEqualTo(decoded.event().userId());
                assertThat(new String(record.headers().lastHeader(RecordHeaders.EVENT_ID).value(),
                        StandardCharsets.UTF_8)).isEqualTo(decoded.event().eventId());
            });
            long distinct = records.stream().map(r -> CODEC.decodeRecord(r.value()).event().eventId()).distinct().count();
            assertThat(distinct).isEqualTo(truth.events());
        }
    }

    private static KafkaConsumer<String, byte[]> consumer(String bootstrap) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
    }
}
