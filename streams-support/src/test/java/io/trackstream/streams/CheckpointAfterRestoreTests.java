package io.trackstream.streams;

import io.trackstream.model.EventSerde;
import io.trackstream.model.Topics;
import io.trackstream.model.UserActivityEvent;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.internals.OffsetCheckpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * KAFKA-20685 (Kafka Streams 4.2.1): the checkpoint the state updater writes when a task finishes
 * restoring must not survive into processing under exactly-once, or a crash while running is not
 * detected on the next start and the local stores keep writes of the aborted transaction (in the
 * dedup store: the ids of the events being processed, which the replay then drops as duplicates).
 *
 * <p>The driver initialises a task the way the stream thread does, minus the state updater; so a
 * processor ahead of the dedup step writes that leftover file in its own {@code init}, which runs
 * after the task's stores were opened and before the dedup step's {@code init}: the moment the
 * state updater's checkpoint appears in a real start.
 */
class CheckpointAfterRestoreTests {

    private static final String APP = "checkpoint-after-restore-tests";

    @TempDir
    Path stateDir;

    @Test
    void anExactlyOnceTaskRunsWithoutTheCheckpointItsRestorationLeft() {
        try (TopologyTestDriver driver = new TopologyTestDriver(topology(), config(StreamsConfig.EXACTLY_ONCE_V2))) {
            assertThat(LeftoverCheckpoint.written).as("the leftover was written").isTrue();
            assertThat(checkpointOfTask00()).as("a crash from now on must make the next start wipe and rebuild the stores")
                    .doesNotExist();
        }
    }

    @Test
    void anAtLeastOnceTaskKeepsItsCheckpoint() {
        try (TopologyTestDriver driver = new TopologyTestDriver(topology(), config(StreamsConfig.AT_LEAST_ONCE))) {
            assertThat(LeftoverCheckpoint.written).isTrue();
            assertThat(checkpointOfTask00()).exists();
        }
    }

    private Path checkpointOfTask00() {
        return stateDir.resolve(APP).resolve("0_0").resolve(CheckpointAfterRestore.FILE);
    }

    /** Source, the leftover's writer, then the dedup step: processors are initialised in this order. */
    private static Topology topology() {
        LeftoverCheckpoint.written = false;
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(Topics.USER_ACTIVITIES, Consumed.with(Serdes.String(), new EventSerde()))
                .process(LeftoverCheckpoint::new, Named.as("state-updater-leftover"))
                .processValues(new EventIdDeduplicator.Supplier(Duration.ofHours(1)), Named.as(EventIdDeduplicator.NAME))
                .mapValues(UserActivityEvent::eventId)
                .to("event-ids", Produced.with(Serdes.String(), Serdes.String()));
        return builder.build();
    }

    private Properties config(String guarantee) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, APP);
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee);
        return config;
    }

    /** Writes what 4.2.1's state updater leaves in the task directory: the changelog offset restored up to. */
    static final class LeftoverCheckpoint implements Processor<String, UserActivityEvent, String, UserActivityEvent> {

        static volatile boolean written;
        private ProcessorContext<String, UserActivityEvent> context;

        @Override
        public void init(ProcessorContext<String, UserActivityEvent> context) {
            this.context = context;
            try {
                new OffsetCheckpoint(new File(context.stateDir(), CheckpointAfterRestore.FILE)).write(
                        Map.of(new TopicPartition(APP + "-" + EventIdDeduplicator.STORE + "-changelog", 0), 42L));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            written = true;
        }

        @Override
        public void process(Record<String, UserActivityEvent> record) {
            context.forward(record);
        }
    }
}
