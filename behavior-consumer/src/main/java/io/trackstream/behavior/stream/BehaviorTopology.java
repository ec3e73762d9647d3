package io.trackstream.behavior.stream;

import io.micrometer.core.instrument.MeterRegistry;
import io.trackstream.model.UserActivityEvent;
import io.trackstream.streams.EventStream;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.Set;

/**
 * The behaviour topology: the deduplicated events, keyed by user, into one processor that keeps
 * each user's sessions and profile and each (day, partition)'s insights in local stores. The topic
 * is keyed by user, so nothing is repartitioned.
 *
 * <p>Why a processor and not {@code SessionWindows}: the issue wants a 24 h cut and a wall-clock
 * close of quiet partitions, which session windows have neither of; and the profile and the
 * insights need each session once, in order, when it closes, which a processor gives directly.
 */
public final class BehaviorTopology {

    public static final String PROCESSOR = "behavior-sessions-and-profiles";
    public static final String OPEN_STORE = "behavior-open-sessions";
    public static final String PROFILE_STORE = "behavior-profiles";
    public static final String DAILY_STORE = "behavior-daily-partials";
    public static final String OUTBOX_STORE = "behavior-outbox";

    private BehaviorTopology() {
    }

    public static KStream<Void, Void> build(StreamsBuilder builder, Duration dedupHorizon, BehaviorSettings settings,
                             BehaviorSink sink, JsonMapper mapper, MeterRegistry meters) {
        return EventStream.events(builder, dedupHorizon)
                .process(new Supplier(settings, sink, mapper, meters), Named.as(PROCESSOR));
    }

    private record Supplier(BehaviorSettings settings, BehaviorSink sink, JsonMapper mapper, MeterRegistry meters)
            implements ProcessorSupplier<String, UserActivityEvent, Void, Void> {

        @Override
        public Processor<String, UserActivityEvent, Void, Void> get() {
            return new BehaviorProcessor(settings, sink, mapper, meters);
        }

        @Override
        public Set<StoreBuilder<?>> stores() {
            // Cached: a user's profile and open session change with every event, but the store and its
            // changelog take only the last value of each commit interval.
            JsonMapper state = JsonSerde.stateMapper(mapper);
            return Set.of(
                    Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(OPEN_STORE), Serdes.String(),
                            JsonSerde.of(state, UserSessions.class)).withCachingEnabled(),
                    Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PROFILE_STORE), Serdes.String(),
                            JsonSerde.of(state, Profile.class)).withCachingEnabled(),
                    Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DAILY_STORE), Serdes.String(),
                            JsonSerde.of(state, DailyPartial.class)).withCachingEnabled(),
                    // In memory (its changelog restores it): the outbox is a queue, its marks written, read
                    // whole and deleted every flush. In RocksDB each flush stepped over the tombstones of
                    // every earlier flush not yet compacted.
                    Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(OUTBOX_STORE), Serdes.String(),
                            Serdes.ByteArray()).withCachingEnabled());
        }
    }
}
