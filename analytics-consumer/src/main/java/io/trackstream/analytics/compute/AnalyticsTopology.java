package io.trackstream.analytics.compute;

import io.trackstream.analytics.AnalyticsProperties;
import io.trackstream.streams.EventStream;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

import java.time.Duration;

/**
 * The analytics topology: the deduplicated, user-keyed event stream into one stateful step per
 * partition ({@link AnalyticsProcessor}). No repartition: see the processor for why.
 */
final class AnalyticsTopology {

    private AnalyticsTopology() {
    }

    static KStream<Void, Void> build(StreamsBuilder builder, Duration dedupHorizon, AnalyticsProperties settings,
            AnalyticsSink sink, AnalyticsObserver observer) {
        return EventStream.events(builder, dedupHorizon)
                .process(new AnalyticsProcessor.Supplier(settings, sink, observer), Named.as(AnalyticsProcessor.NAME));
    }
}
