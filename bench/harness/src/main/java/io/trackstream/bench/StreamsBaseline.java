package io.trackstream.bench;

import io.trackstream.model.EventSerde;
import io.trackstream.model.Topics;
import io.trackstream.model.UserActivityEvent;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.TimeWindows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

/**
 * The raw Kafka Streams limit the stream services are held to (issues 21-24): a minimal topology
 * with the same input contract, one windowed count per user and one per event type (1 minute
 * windows, 2 minutes of grace), exactly-once v2, draining a backlog already on
 * {@code user-activities}. The figure is the rate from the start of the instance until its group
 * has committed the end offsets, measured as the storage drain measures it.
 */
final class StreamsBaseline {

    static final String APPLICATION_ID = "bench-raw-streams";
    static final Duration WINDOW = Duration.ofMinutes(1);
    static final Duration GRACE = Duration.ofMinutes(2);
    static final String BY_USER = "raw-counts-by-user";
    static final String BY_TYPE = "raw-counts-by-type";

    private StreamsBaseline() {
    }

    /** The topology alone, so a test can drive it without a broker. */
    static Topology topology() {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, UserActivityEvent> events = builder.stream(Topics.USER_ACTIVITIES,
                Consumed.with(Serdes.String(), new EventSerde()));
        TimeWindows windows = TimeWindows.ofSizeAndGrace(WINDOW, GRACE);
        events.groupByKey().windowedBy(windows).count(Materialized.as(BY_USER));
        events.map((user, event) -> KeyValue.pair(event.eventType(), event))
                .groupByKey(Grouped.with("by-type", Serdes.String(), new EventSerde()))
                .windowedBy(windows).count(Materialized.as(BY_TYPE));
        return builder.build();
    }

    static Properties config(String bootstrapServers, Path stateDir) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        props.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        return props;
    }

    /** Drains everything on the topic; {@code work} holds its state directory. */
    static Measurement drain(String bootstrapServers, Path work) {
        try (Admin admin = Admin.create(java.util.Map.of("bootstrap.servers", bootstrapServers))) {
            long target = Pipeline.endOffsets(admin);
            long started = System.nanoTime();
            try (KafkaStreams streams = new KafkaStreams(topology(), config(bootstrapServers, work.resolve("raw-streams-state")))) {
                streams.start();
                Pipeline.awaitCommitted(admin, APPLICATION_ID, target, Duration.ofMinutes(20));
                double seconds = (System.nanoTime() - started) / 1e9;
                streams.close(Duration.ofSeconds(30));
                return Measurement.throughput("raw Kafka Streams drain (windowed counts, exactly_once_v2)", "events/s",
                        target / seconds, target + " events, counted from the instance's start");
            }
        }
    }
}
