package io.trackstream.producer;

import io.trackstream.model.EventCodec;
import io.trackstream.model.RecordHeaders;
import io.trackstream.model.Topics;
import io.trackstream.model.UserActivityEvent;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Writes events straight to {@link Topics#USER_ACTIVITIES} the way the ingest API does: key = user id,
 * value = {@link EventCodec#encode}, the {@link RecordHeaders}, {@code received_at} set to the send
 * time. Sends are asynchronous; the producer's buffer is the only bound, so the simulator never
 * waits on a round trip.
 */
final class KafkaEventSink implements EventSink {

    private static final Logger log = LoggerFactory.getLogger(KafkaEventSink.class);
    private static final byte[] CONTRACT_V1 = RecordHeaders.CONTRACT_VERSION_V1.getBytes(StandardCharsets.UTF_8);

    private final Producer<String, byte[]> producer;
    private final EventCodec codec;
    private final Clock clock;
    private final Deliveries deliveries = new Deliveries(log);

    KafkaEventSink(Producer<String, byte[]> producer, EventCodec codec, Clock clock) {
        this.producer = producer;
        this.codec = codec;
        this.clock = clock;
    }

    @Override
    public void send(UserActivityEvent event) {
        UserActivityEvent received = event.withReceivedAt(clock.instant());
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.USER_ACTIVITIES, null,
                received.userId(), codec.encode(received), List.of(
                new RecordHeader(RecordHeaders.EVENT_ID, received.eventId().getBytes(StandardCharsets.UTF_8)),
                new RecordHeader(RecordHeaders.CONTRACT_VERSION, CONTRACT_V1)));
        producer.send(record, (metadata, error) -> {
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
