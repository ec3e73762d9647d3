package io.trackstream.producer;

import io.trackstream.model.EventCodec;
import io.trackstream.model.EventRecords;
import io.trackstream.model.UserActivityEvent;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulator writes the very record the ingest API writes for the same event: one record contract. */
class KafkaEventSinkTests {

    private static final Instant SENT = Instant.parse("2024-01-15T10:31:00Z");

    private final EventCodec codec = EventCodec.create();
    private final MockProducer<String, byte[]> producer =
            new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    private final KafkaEventSink sink = new KafkaEventSink(producer, codec, Clock.fixed(SENT, ZoneOffset.UTC));

    @Test
    void writesTheRecordContractsRecordStampedWithEventTimeNotTheSendTime() {
        UserActivityEvent event = codec.decodeClient("""
                {"event_id":"e-7","user_id":"u-7","event_type":"click","timestamp":"2024-01-15T10:20:45.123Z"}"""
                .getBytes(StandardCharsets.UTF_8), Instant.parse("2024-01-15T10:30:00Z")).event();

        sink.send(event);

        ProducerRecord<String, byte[]> sent = producer.history().get(0);
        ProducerRecord<String, byte[]> contract = new EventRecords(codec).toRecord(event.withReceivedAt(SENT));
        assertThat(sent.topic()).isEqualTo(contract.topic());
        assertThat(sent.key()).isEqualTo("u-7").isEqualTo(contract.key());
        assertThat(sent.timestamp()).isEqualTo(Instant.parse("2024-01-15T10:20:45.123Z").toEpochMilli())
                .isEqualTo(contract.timestamp());
        assertThat(sent.value()).isEqualTo(contract.value());
        assertThat(sent.headers()).isEqualTo(contract.headers());
        assertThat(sink.acknowledged()).isEqualTo(1);
    }
}
