package io.trackstream.ingest;

import io.trackstream.model.RecordHeaders;
import io.trackstream.model.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/** Reads user-activities from the beginning with a plain consumer (no group), as a consumer would see it. */
public final class TopicReader {

    private TopicReader() {
    }

    /** Every record now on the topic whose event_id header is one of {@code eventIds}. */
    public static List<ConsumerRecord<String, byte[]>> read(String bootstrapServers, Set<String> eventIds) {
        return read(bootstrapServers, record -> eventIds.contains(eventId(record)));
    }

    /** Every record now on the topic keyed by one of {@code userIds}, in partition order. */
    public static List<ConsumerRecord<String, byte[]>> readUsers(String bootstrapServers, Set<String> userIds) {
        return read(bootstrapServers, record -> userIds.contains(record.key()));
    }

    private static List<ConsumerRecord<String, byte[]>> read(String bootstrapServers,
                                                             Predicate<ConsumerRecord<String, byte[]>> wanted) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        List<TopicPartition> partitions = IntStream.range(0, Topics.USER_ACTIVITIES_PARTITIONS)
                .mapToObj(p -> new TopicPartition(Topics.USER_ACTIVITIES, p)).toList();
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!reached(consumer, end) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (wanted.test(record)) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }

    public static String eventId(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(RecordHeaders.EVENT_ID);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static boolean reached(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }
}
