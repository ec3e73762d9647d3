package io.trackstream.streams;

import io.trackstream.model.UserActivityEvent;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

import java.time.Duration;
import java.util.Set;

/**
 * Passes the first record of each {@code event_id} and drops the ones that follow within the
 * horizon, by event time. The ids seen are kept in a windowed store (changelogged, so a restart
 * keeps them; retained for the horizon, so the store stays bounded), the pattern of Kafka Streams'
 * own deduplication example. Duplicates share the user and so the partition: the store is local.
 */
final class EventIdDeduplicator implements FixedKeyProcessor<String, UserActivityEvent, UserActivityEvent> {

    static final String NAME = "dedup-by-event-id";
    static final String STORE = "event-id-dedup-store";

    private final long horizonMs;
    private FixedKeyProcessorContext<String, UserActivityEvent> context;
    private WindowStore<String, Long> seen;

    EventIdDeduplicator(Duration horizon) {
        this.horizonMs = horizon.toMillis();
    }

    @Override
    public void init(FixedKeyProcessorContext<String, UserActivityEvent> context) {
        this.context = context;
        this.seen = context.getStateStore(STORE);
        // Every topology starts here, in every task that reads the topic: see the class for why.
        CheckpointAfterRestore.deleteUnderExactlyOnce(context);
    }

    @Override
    public void process(FixedKeyRecord<String, UserActivityEvent> record) {
        String eventId = record.value().eventId();
        long time = record.timestamp();
        try (WindowStoreIterator<Long> earlier = seen.fetch(eventId, time - horizonMs, time + horizonMs)) {
            if (earlier.hasNext()) {
                return;
            }
        }
        seen.put(eventId, time, time);
        context.forward(record);
    }

    /** Supplies the processor with its store connected, so a topology needs no separate addStateStore. */
    static final class Supplier implements FixedKeyProcessorSupplier<String, UserActivityEvent, UserActivityEvent> {

        private final Duration horizon;

        Supplier(Duration horizon) {
            if (horizon.isNegative() || horizon.isZero()) {
                throw new IllegalArgumentException("the dedup horizon must be positive, was " + horizon);
            }
            this.horizon = horizon;
        }

        @Override
        public FixedKeyProcessor<String, UserActivityEvent, UserActivityEvent> get() {
            return new EventIdDeduplicator(horizon);
        }

        @Override
        public Set<StoreBuilder<?>> stores() {
            return Set.of(Stores.windowStoreBuilder(
                    Stores.persistentWindowStore(STORE, horizon, horizon, false), Serdes.String(), Serdes.Long()));
        }
    }
}
