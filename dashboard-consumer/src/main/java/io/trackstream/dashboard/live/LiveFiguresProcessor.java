package io.trackstream.dashboard.live;

import io.trackstream.model.UserActivityEvent;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Set;

/**
 * Keeps one partition's live figures and publishes them every second of wall-clock time, whether
 * or not events arrive (a quiet partition's figures still age). The per-second counts, revenue
 * and users are in changelogged stores, written as each event is counted, so they are committed
 * with the input offsets under exactly-once and rebuilt after a restart; {@link PartitionWindow}
 * is their in-memory index, loaded from the stores when the task starts.
 */
final class LiveFiguresProcessor implements Processor<String, UserActivityEvent, String, Partial> {

    static final String NAME = "dashboard-live-figures";
    static final String COUNTS_STORE = "dashboard-second-counts";
    static final String REVENUE_STORE = "dashboard-second-revenue";
    static final String USERS_STORE = "dashboard-users-seen";
    static final Duration PUBLISH_EVERY = Duration.ofSeconds(1);

    private final PartitionWindow window = new PartitionWindow();
    private ProcessorContext<String, Partial> context;
    private KeyValueStore<String, Long> counts;
    private KeyValueStore<String, String> revenue;
    private KeyValueStore<String, UserSeen> users;

    @Override
    public void init(ProcessorContext<String, Partial> context) {
        this.context = context;
        this.counts = context.getStateStore(COUNTS_STORE);
        this.revenue = context.getStateStore(REVENUE_STORE);
        this.users = context.getStateStore(USERS_STORE);
        restore();
        context.schedule(PUBLISH_EVERY, PunctuationType.WALL_CLOCK_TIME, this::publish);
    }

    private void restore() {
        try (KeyValueIterator<String, Long> all = counts.all()) {
            all.forEachRemaining(kv -> window.restoreCount(CountKey.decode(kv.key), kv.value));
        }
        try (KeyValueIterator<String, String> all = revenue.all()) {
            all.forEachRemaining(kv -> window.restoreRevenue(CountKey.revenueSecond(kv.key), CountKey.revenueCurrency(kv.key),
                    new BigDecimal(kv.value)));
        }
        try (KeyValueIterator<String, UserSeen> all = users.all()) {
            all.forEachRemaining(kv -> window.restoreUser(kv.key, kv.value));
        }
    }

    @Override
    public void process(Record<String, UserActivityEvent> record) {
        PartitionWindow.Changes changes = window.record(record.key(), EventFacts.of(record.value()),
                Math.floorDiv(context.currentSystemTimeMs(), 1000));
        changes.counts().forEach(counts::put);
        changes.revenue().forEach(revenue::put);
        if (changes.user() != null) {
            users.put(changes.userId(), changes.user());
        }
    }

    private void publish(long nowMs) {
        PartitionWindow.Expired expired = window.expire(Math.floorDiv(nowMs, 1000));
        expired.countKeys().forEach(counts::delete);
        expired.revenueKeys().forEach(revenue::delete);
        expired.userIds().forEach(users::delete);
        int partition = context.taskId().partition();
        context.forward(new Record<>(Integer.toString(partition), window.partial(partition, nowMs), nowMs));
    }

    /** Supplies the processor with its three stores connected. */
    static final class Supplier implements ProcessorSupplier<String, UserActivityEvent, String, Partial> {

        @Override
        public Processor<String, UserActivityEvent, String, Partial> get() {
            return new LiveFiguresProcessor();
        }

        // In memory, changelogged: at most 10 minutes of counts per partition, rebuilt from the
        // changelog on restart; caching folds the many updates of one count into one changelog record.
        @Override
        public Set<StoreBuilder<?>> stores() {
            return Set.of(
                    Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(COUNTS_STORE), Serdes.String(), Serdes.Long())
                            .withCachingEnabled(),
                    Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(REVENUE_STORE), Serdes.String(), Serdes.String())
                            .withCachingEnabled(),
                    Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(USERS_STORE), Serdes.String(), new UserSeen.UserSeenSerde())
                            .withCachingEnabled());
        }
    }
}
