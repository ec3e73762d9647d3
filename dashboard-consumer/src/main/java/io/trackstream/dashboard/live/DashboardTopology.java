package io.trackstream.dashboard.live;

import io.trackstream.streams.EventStream;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.GlobalKTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Duration;

/**
 * The dashboard's topology. Each task counts its partition of the deduplicated events and
 * publishes the partition's partial every second to the compacted {@value #PARTIALS_TOPIC}
 * (key: the partition); every instance reads that topic whole as a global table, so any
 * instance merges all partitions into the global snapshot, however many instances share the work.
 */
final class DashboardTopology {

    static final String PARTIALS_TOPIC = "dashboard-partials";
    static final String PARTIALS_STORE = "dashboard-partials-store";

    private DashboardTopology() {
    }

    static GlobalKTable<String, Partial> build(StreamsBuilder builder, Duration dedupHorizon) {
        EventStream.events(builder, dedupHorizon)
                .process(new LiveFiguresProcessor.Supplier(), Named.as(LiveFiguresProcessor.NAME))
                .to(PARTIALS_TOPIC, Produced.with(Serdes.String(), new PartialSerde()).withName("dashboard-partials-sink"));
        return builder.globalTable(PARTIALS_TOPIC,
                Consumed.with(Serdes.String(), new PartialSerde()).withName("dashboard-partials-source"),
                Materialized.<String, Partial, KeyValueStore<Bytes, byte[]>>as(PARTIALS_STORE));
    }
}
