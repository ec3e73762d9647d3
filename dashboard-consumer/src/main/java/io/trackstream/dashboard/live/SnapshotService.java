package io.trackstream.dashboard.live;

import io.trackstream.dashboard.DashboardProperties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Every second, merges the partials of the global table into the snapshot that the API, the
 * gauges and the stream serve, and announces it (an application event: the stream pushes it).
 * Until Kafka Streams runs, the snapshot is empty rather than an error.
 */
@Service
public class SnapshotService {

    private final StreamsBuilderFactoryBean streams;
    private final DashboardProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AtomicReference<Snapshot> latest;

    SnapshotService(StreamsBuilderFactoryBean streams, DashboardProperties properties, ApplicationEventPublisher events) {
        this.streams = streams;
        this.properties = properties;
        this.events = events;
        this.clock = Clock.systemUTC();
        this.latest = new AtomicReference<>(Snapshots.empty(clock.instant()));
    }

    /** The snapshot of the last second. */
    public Snapshot latest() {
        return latest.get();
    }

    @Scheduled(fixedRate = 1000)
    void refresh() {
        Snapshot snapshot = Snapshots.merge(partials(), clock.instant(), properties.partialStaleAfter(), properties.top());
        latest.set(snapshot);
        events.publishEvent(snapshot);
    }

    private List<Partial> partials() {
        KafkaStreams kafkaStreams = streams.getKafkaStreams();
        if (kafkaStreams == null || !kafkaStreams.state().isRunningOrRebalancing()) {
            return List.of();
        }
        List<Partial> partials = new ArrayList<>();
        try {
            ReadOnlyKeyValueStore<String, Partial> store = kafkaStreams.store(
                    StoreQueryParameters.fromNameAndType(DashboardTopology.PARTIALS_STORE, QueryableStoreTypes.keyValueStore()));
            try (KeyValueIterator<String, Partial> all = store.all()) {
                all.forEachRemaining(kv -> partials.add(kv.value));
            }
        } catch (InvalidStateStoreException starting) {
            return List.of(); // the global store is still loading: an empty picture for a second
        }
        return partials;
    }
}
