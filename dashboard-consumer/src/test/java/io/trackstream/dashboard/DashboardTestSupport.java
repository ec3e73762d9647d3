package io.trackstream.dashboard;

import io.trackstream.model.EventCodec;
import io.trackstream.model.EventRecords;
import io.trackstream.model.UserActivityEvent;
import io.trackstream.stack.LocalStackExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/** Sends contract events to the real topic, as ingest-api would. */
final class DashboardTestSupport {

    private static final EventCodec CODEC = EventCodec.create();

    private DashboardTestSupport() {
    }

    /** An event from JSON fields without the braces, e.g. {@code "event_id":"e","user_id":"u",...}. */
    static UserActivityEvent event(String fields) {
        EventCodec.Decoded decoded = CODEC.decodeClient(("{" + fields + "}").getBytes(StandardCharsets.UTF_8), Instant.now());
        if (!decoded.isValid()) {
            throw new IllegalArgumentException(decoded.violations().toString());
        }
        return decoded.event();
    }

    static void send(List<UserActivityEvent> events) throws ExecutionException, InterruptedException {
        EventRecords records = new EventRecords(CODEC);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStackExtension.stack().kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            for (UserActivityEvent event : events) {
                producer.send(records.toRecord(event));
            }
            producer.flush();
        }
    }
}
