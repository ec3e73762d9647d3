package io.trackstream.ingest.kafka;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.trackstream.model.EventCodec;
import io.trackstream.model.EventRecords;
import io.trackstream.model.RecordHeaders;
import io.trackstream.model.Topics;
import io.trackstream.model.UserActivityEvent;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.mock.MockProducerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The record follows the topic contract, and the future tells the truth about the broker's answer. */
class KafkaEventPublisherTests {

    private final MockProducer<String, byte[]> producer =
            new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final EventCodec codec = EventCodec.create();
    private final KafkaEventPublisher publisher = new KafkaEventPublisher(
            new KafkaTemplate<>(new MockProducerFactory<>(() -> producer)), codec, registry);

    private UserActivityEvent event() {
        byte[] json = """
                {"event_id":"e-7","user_id":"u-7","event_type":"click","timestamp":"2024-01-15T10:30:45.123Z"}"""
                .getBytes(StandardCharsets.UTF_8);
        return codec.decodeClient(json, Instant.parse("2024-01-15T10:31:00Z")).event();
    }

    @Test
    void writesKeyTimestampValueAndHeadersAsTheTopicContractSays() {
        UserActivityEvent event = event();

        CompletableFuture<Void> sent = publisher.publish(event);
        producer.completeNext();

        assertThat(sent).succeedsWithin(java.time.Duration.ofSeconds(5));
        ProducerRecord<String, byte[]> record = producer.history().get(0);
        assertThat(record.topic()).isEqualTo(Topics.USER_ACTIVITIES);
        assertThat(record.key()).isEqualTo("u-7");
        assertThat(record.timestamp()).isEqualTo(Instant.parse("2024-01-15T10:30:45.123Z").toEpochMilli());
        assertThat(codec.decodeRecord(record.value()).event()).isEqualTo(event);
        assertThat(new String(record.headers().lastHeader(RecordHeaders.EVENT_ID).value(), StandardCharsets.UTF_8))
                .isEqualTo("e-7");
        assertThat(new String(record.headers().lastHeader(RecordHeaders.CONTRACT_VERSION).value(), StandardCharsets.UTF_8))
                .isEqualTo(RecordHeaders.CONTRACT_VERSION_V1);
        assertThat(registry.get("trackstream.ingest.kafka.send").tag("result", "acknowledged").timer().count()).isEqualTo(1);
    }

    @Test
    void writesTheRecordContractsRecordAsTheSimulatorDoes() {
        UserActivityEvent event = event();

        publisher.publish(event);

        ProducerRecord<String, byte[]> sent = producer.history().get(0);
        ProducerRecord<String, byte[]> contract = new EventRecords(codec).toRecord(event);
        assertThat(sent.key()).isEqualTo(contract.key());
        assertThat(sent.timestamp()).isEqualTo(contract.timestamp());
        assertThat(sent.value()).isEqualTo(contract.value());
        assertThat(sent.headers()).isEqualTo(contract.headers());
    }

    @Test
    void doesNotCompleteBeforeTheBrokerAnswered() {
        CompletableFuture<Void> sent = publisher.publish(event());

        assertThat(sent).isNotDone();
    }

    @Test
    void failsWithATimeoutReasonWhenTheBrokerDidNotAcknowledgeInTime() {
        CompletableFuture<Void> sent = publisher.publish(event());
        producer.errorNext(new TimeoutException("Expiring 1 record(s)"));

        assertThatThrownBy(sent::join).isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(PublishException.class)
                .satisfies(e -> assertThat(((PublishException) e).reason()).isEqualTo("timeout"));
        assertThat(registry.get("trackstream.ingest.kafka.send").tag("result", "failed").timer().count()).isEqualTo(1);
    }
}
