package io.trackstream.dashboard.live;

import io.trackstream.streams.StreamsSettings;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.GlobalKTable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** The topology and the partials topic it writes (created by Boot's KafkaAdmin before Streams starts). */
@Configuration(proxyBeanMethods = false)
class LiveConfiguration {

    @Bean
    GlobalKTable<String, Partial> dashboardTopology(StreamsBuilder builder, StreamsSettings settings) {
        return DashboardTopology.build(builder, settings.dedupHorizon());
    }

    // One partition (six keys, one record each per second): compacted so that a starting instance
    // reads only the latest partial of each partition; small segments so compaction keeps up.
    @Bean
    NewTopic dashboardPartialsTopic() {
        return TopicBuilder.name(DashboardTopology.PARTIALS_TOPIC)
                .partitions(1)
                .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
                .config(TopicConfig.SEGMENT_MS_CONFIG, "60000")
                .config(TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG, "0.1")
                .config(TopicConfig.DELETE_RETENTION_MS_CONFIG, "60000")
                .build();
    }
}
