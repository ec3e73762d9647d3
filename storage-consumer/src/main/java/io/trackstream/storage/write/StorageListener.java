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
 * when the store or the network failed it throws, and the error handler pauses, backs off and
 * redelivers the batch.
 *
 * <p>A record can also be refused by the store for what it holds ({@link WriteFailure#CONTENT}):
 * then the batch is written again one event at a time (idempotent), and the records whose own
 * write the store refuses are dead-lettered with its reason, so the partition moves on.
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
        List<Decodable> decodable = new ArrayList<>(records.size());
        List<Rejected> rejected = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            EventCodec.Decoded decoded = codec.decodeRecord(record.value());
            if (decoded.isValid()) {
                decodable.add(new Decodable(record, decoded.event()));
            } else {
                rejected.add(new Rejected(record, decoded));
            }
        }
        List<Refused> refused = write(decodable);
        for (Rejected r : rejected) {
            deadLetters.publish(r.record(), r.decoded().violations(), consumer);
        }
        for (Refused r : refused) {
            deadLetters.publishRefused(r.record(), r.reason(), consumer);
        }
    }

    // The common case is one write for the whole batch; only a refusal costs a write per event.
    private List<Refused> write(List<Decodable> decodable) {
        try {
            writer.write(decodable.stream().map(Decodable::event).toList());
            return List.of();
        } catch (StoreRefusedException refusedSomewhere) {
            List<Refused> refused = new ArrayList<>();
            for (Decodable d : decodable) {
                try {
                    writer.write(List.of(d.event()));
                } catch (StoreRefusedException e) {
                    refused.add(new Refused(d.record(), e.getMessage()));
                }
            }
            return refused;
        }
    }

    private record Decodable(ConsumerRecord<String, byte[]> record, UserActivityEvent event) {
    }

    private record Rejected(ConsumerRecord<String, byte[]> record, EventCodec.Decoded decoded) {
    }

    private record Refused(ConsumerRecord<String, byte[]> record, String reason) {
    }
}
