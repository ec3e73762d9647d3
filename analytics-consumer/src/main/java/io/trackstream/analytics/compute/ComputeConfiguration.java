package io.trackstream.analytics.compute;

import io.trackstream.analytics.AnalyticsProperties;
import io.trackstream.streams.StreamsSettings;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the topology into the shared Streams set-up; the logic stays in the plain builder. */
@Configuration(proxyBeanMethods = false)
class ComputeConfiguration {

    @Bean
    KStream<Void, Void> analyticsTopology(StreamsBuilder builder, StreamsSettings streams, AnalyticsProperties settings,
            AnalyticsSink sink, AnalyticsObserver observer) {
        return AnalyticsTopology.build(builder, streams.dedupHorizon(), settings, sink, observer);
    }
}
