package io.trackstream.fraud.detect;

import io.trackstream.model.EventSerde;
import io.trackstream.model.Topics;
import io.trackstream.model.UserActivityEvent;
import io.trackstream.streams.EventStream;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import java.time.Duration;
import java.util.Set;

/**
 * The fraud topology: the deduplicated events of {@code user-activities} (keyed by user, so no
 * repartition) go through the {@link FraudDetector}, whose alerts go to {@code fraud-alerts} keyed by
 * user. The rules topic {@code fraud-rules} is read whole by every instance into a global store.
 * Plain Kafka Streams, no Spring, so it runs the same in a TopologyTestDriver.
 */
public final class FraudTopology {

    public static final String DETECTOR = "fraud-detector";
    public static final String BUFFER_STORE = "fraud-reorder-buffer";
    public static final String USER_STATE_STORE = "fraud-user-state";
    public static final String RULES_STORE = "fraud-rules-store";
    static final String RULES_SOURCE = "fraud-rules-source";
    static final String ALERTS_SINK = "fraud-alerts-sink";

    private static final Places PLACES = Places.bundled();

    private FraudTopology() {
    }

    /**
     * @param grace how long an event may wait for earlier ones; the order-dependent rules judge it once stream
     *        time passes ts + grace, the single-event rules on arrival
     * @param idleFlush how long stream time may stall before everything waiting is judged anyway
     * @return the alerts, already sent to {@code fraud-alerts}
     */
    public static KStream<String, FraudAlert> build(StreamsBuilder builder, Duration dedupHorizon, Duration grace,
                                                    Duration idleFlush, DetectorMetrics metrics) {
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(RULES_STORE), Serdes.String(), Serdes.String())
                        .withLoggingDisabled(),
                Topics.FRAUD_RULES,
                Consumed.with(Serdes.String(), Serdes.String()).withName(RULES_SOURCE),
                RulesStoreWriter::new);
        KStream<String, FraudAlert> alerts = EventStream.events(builder, dedupHorizon)
                .process(new DetectorSupplier(grace, idleFlush, metrics), Named.as(DETECTOR));
        alerts.to(Topics.FRAUD_ALERTS, Produced.with(Serdes.String(), new AlertSerde()).withName(ALERTS_SINK));
        return alerts;
    }

    private record DetectorSupplier(Duration grace, Duration idleFlush, DetectorMetrics metrics)
            implements ProcessorSupplier<String, UserActivityEvent, String, FraudAlert> {

        @Override
        public Processor<String, UserActivityEvent, String, FraudAlert> get() {
            return new FraudDetector(new Judge(PLACES), grace, idleFlush, metrics);
        }

        @Override
        public Set<StoreBuilder<?>> stores() {
            return Set.of(
                    Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(BUFFER_STORE), Serdes.String(), new EventSerde()),
                    Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(USER_STATE_STORE), Serdes.String(), Serdes.ByteArray()));
        }
    }

    /** Keeps the global store equal to the compacted rules topic: a tombstone restores a rule's defaults. */
    private static final class RulesStoreWriter implements Processor<String, String, Void, Void> {

        private KeyValueStore<String, String> store;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(RULES_STORE);
        }

        @Override
        public void process(Record<String, String> record) {
            if (record.key() == null) {
                return;
            }
            if (record.value() == null) {
                store.delete(record.key());
            } else {
                store.put(record.key(), record.value());
            }
        }
    }
}
