package io.trackstream.model;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class EventRecordsTests {

    private final EventRecords records = new EventRecords(Samples.CODEC);

    private static UserActivityEvent sample() {
        return Samples.CODEC.decodeClient(Samples.json(Samples.validFields()), Samples.RECEIVED_AT).event();
    }

    @Test
    void keysTheRecordByUserAndStampsItWithEventTime() {
        UserActivityEvent event = sample();

        ProducerRecord<String, byte[]> record = records.toRecord(event);

        assertThat(record.topic()).isEqualTo(Topics.USER_ACTIVITIES);
        assertThat(record.partition()).isNull();
        assertThat(record.key()).isEqualTo("u-42");
        assertThat(record.timestamp()).isEqualTo(event.timestamp().toEpochMilli())
                .isNotEqualTo(event.receivedAt().toEpochMilli());
    }

    @Test
    void carriesTheEventIdAndContractVersionHeaders() {
        UserActivityEvent event = sample();

        ProducerRecord<String, byte[]> record = records.toRecord(event);

        assertThat(EventRecords.eventId(record.headers())).isEqualTo(event.eventId());
        assertThat(new String(record.headers().lastHeader("contract_version").value(), StandardCharsets.UTF_8))
                .isEqualTo("1");
        assertThat(record.headers().toArray()).hasSize(2);
    }

    @Test
    void holdsTheCodecsEncodingThatReadsBackEqual() {
        UserActivityEvent event = sample();

        ProducerRecord<String, byte[]> record = records.toRecord(event);

        assertThat(record.value()).isEqualTo(Samples.CODEC.encode(event));
        assertThat(Samples.CODEC.decodeRecord(record.value()).event()).isEqualTo(event);
    }

    @Test
    void aRecordWithoutEventIdHeaderHasNoEventId() {
        assertThat(EventRecords.eventId(new RecordHeaders())).isNull();
    }
}
