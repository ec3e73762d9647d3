package io.trackstream.producer;

import io.trackstream.model.EventCodec;
import io.trackstream.model.EventRecords;
import io.trackstream.model.Topics;
import io.trackstream.model.UserActivityEvent;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;

/**
 * Writes events straight to {@link Topics#USER_ACTIVITIES} through the same record contract as the
 * ingest API ({@link EventRecords}: key = user id, record timestamp = event time, the contract's
 * headers), with {@code received_at} set to the send time. Sends are asynchronous; the producer's
 * buffer is the only bound, so the simulator never waits on a round trip.
 */
final class KafkaEventSink implements EventSink {

    private static final Logger log = LoggerFactory.getLogger(KafkaEventSink.class);
    private final Producer<String, byte[]> producer;
    private final EventRecords records;
    private final Clock clock;
    private final Deliveries deliveries = new Deliveries(log);

    KafkaEventSink(Producer<String, byte[]> producer, EventCodec codec, Clock clock) {
        this.producer = producer;
        this.records = new EventRecords(codec);
        this.clock = clock;
    }

    @Override
    public void send(UserActivityEvent event) {
        producer.send(records.toRecord(event.withReceivedAt(clock.instant())), (metadata, error) -> {
            if (error == null) {
                deliveries.acknowledged(1);
            } else {
                deliveries.failed(1, () -> "Kafka: " + error);
            }
        });
    }

    @Override
    public void flush() {
        producer.flush();
    }

    @Override
    public long acknowledged() {
        return deliveries.acknowledged();
    }

    @Override
    public long failed() {
        return deliveries.failed();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
