package io.trackstream.streams;

import io.trackstream.model.EventCodec;
import io.trackstream.model.EventRecords;
import io.trackstream.model.Topics;
import io.trackstream.model.UserActivityEvent;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.streams.RecoveringDeserializationExceptionHandler;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared source of every topology, in a TopologyTestDriver with the shared defaults: dedup and dead-lettering. */
class EventStreamTests {

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    private static final String OUT = "event-ids";

    private final EventCodec codec = EventCodec.create();
    private final EventRecords records = new EventRecords(codec);
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> input;
    private TestOutputTopic<String, String> output;
    private TestOutputTopic<byte[], byte[]> deadLetters;

    @BeforeEach
    void startDriver() {
        StreamsBuilder builder = new StreamsBuilder();
        EventStream.events(builder, Duration.ofHours(1))
                .mapValues(UserActivityEvent::eventId)
                .to(OUT, Produced.with(Serdes.String(), Serdes.String()));
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "event-stream-tests");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, RecoveringDeserializationExceptionHandler.class);
        config.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.USER_ACTIVITIES_DLT);
        driver = new TopologyTestDriver(builder.build(), config);
        input = driver.createInputTopic(Topics.USER_ACTIVITIES, new StringSerializer(), new ByteArraySerializer());
        output = driver.createOutputTopic(OUT, new StringDeserializer(), new StringDeserializer());
        deadLetters = driver.createOutputTopic(Topics.USER_ACTIVITIES_DLT, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    private UserActivityEvent event(String eventId, Instant timestamp) {
        String json = """
                {"event_id":"%s","user_id":"u-1","event_type":"click","timestamp":"%s"}""".formatted(eventId, timestamp);
        return codec.decodeClient(json.getBytes(StandardCharsets.UTF_8), timestamp.plusSeconds(1)).event();
    }

    private void send(UserActivityEvent event) {
        ProducerRecord<String, byte[]> record = records.toRecord(event);
        input.pipeInput(new TestRecord<>(record.key(), record.value(), record.headers(), record.timestamp()));
    }

    @Test
    void passesEachEventIdOnceWithinTheHorizon() {
        send(event("e-1", T0));
        send(event("e-2", T0.plusSeconds(1)));
        send(event("e-1", T0));
        send(event("e-1", T0.plusSeconds(59 * 60)));

        assertThat(output.readValuesToList()).containsExactly("e-1", "e-2");
    }

    @Test
    void passesAResendThatComesLaterThanTheHorizon() {
        send(event("e-1", T0));
        send(event("e-1", T0.plus(Duration.ofMinutes(61))));

        assertThat(output.readValuesToList()).containsExactly("e-1", "e-1");
    }

    @Test
    void keysAndStampsTheStreamAsTheRecordContractDoes() {
        send(event("e-1", T0));

        TestRecord<String, String> out = output.readRecord();
        assertThat(out.key()).isEqualTo("u-1");
        assertThat(out.getRecordTime()).isEqualTo(T0);
    }

    @Test
    void sendsARecordThatIsNotAContractEventToTheDeadLetterTopicWithTheReasonAndGoesOn() {
        input.pipeInput(new TestRecord<>("u-1", "{\"event_type\":\"click\"}".getBytes(StandardCharsets.UTF_8), T0));
        send(event("e-2", T0.plusSeconds(1)));

        TestRecord<byte[], byte[]> dead = deadLetters.readRecord();
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{\"event_type\":\"click\"}");
        assertThat(header(dead, "kafka_dlt-exception-message")).contains("event_id: ").contains("user_id: ");
        assertThat(header(dead, "kafka_dlt-original-topic")).isEqualTo(Topics.USER_ACTIVITIES);
        assertThat(dead.headers().lastHeader("kafka_dlt-original-offset")).isNotNull();
        assertThat(dead.headers().lastHeader("kafka_dlt-original-partition")).isNotNull();
        assertThat(output.readValuesToList()).containsExactly("e-2");
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as(name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
