package io.trackstream.storage.write;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.trackstream.model.EventCodec;
import io.trackstream.model.Topics;
import io.trackstream.model.UserActivityEvent;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

import java.util.ArrayList;
import java.util.List;

/**
 * Consumer group {@code storage-writers}: decodes each polled batch, writes the valid events and
 * dead-letters the rest. The container commits the batch's offsets only when this method returns;
 * when a write fails it throws, and the error handler pauses, backs off and redelivers the batch.
 *
 * <p>Poison records are dead-lettered after the writes succeeded, so a batch retried while
 * Cassandra is down does not send them to the dead-letter topic once per attempt.
 */
class StorageListener {

    private final EventCodec codec;
    private final EventWriter writer;
    private final DeadLetters deadLetters;
    private final DistributionSummary batchSize;

    StorageListener(EventCodec codec, EventWriter writer, DeadLetters deadLetters, MeterRegistry meters) {
        this.codec = codec;
        this.writer = writer;
        this.deadLetters = deadLetters;
        this.batchSize = DistributionSummary.builder("trackstream.storage.batch.size")
                .description("Records per polled batch")
                .baseUnit("records")
                .register(meters);
    }

    @KafkaListener(id = "storage-writers", groupId = "storage-writers", topics = Topics.USER_ACTIVITIES, batch = "true")
    void onBatch(List<ConsumerRecord<String, byte[]>> records, Consumer<?, ?> consumer) {
        batchSize.record(records.size());
        List<UserActivityEvent> events = new ArrayList<>(records.size());
        List<Rejected> rejected = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            EventCodec.Decoded decoded = codec.decodeRecord(record.value());
            if (decoded.isValid()) {
                events.add(decoded.event());
            } else {
                rejected.add(new Rejected(record, decoded));
            }
        }
        writer.write(events);
        for (Rejected r : rejected) {
            deadLetters.publish(r.record(), r.decoded().violations(), consumer);
        }
    }

    private record Rejected(ConsumerRecord<String, byte[]> record, EventCodec.Decoded decoded) {
    }
}
