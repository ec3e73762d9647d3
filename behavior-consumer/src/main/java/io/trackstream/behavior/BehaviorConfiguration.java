package io.trackstream.behavior;

import com.datastax.oss.driver.api.core.CqlSession;
import io.micrometer.core.instrument.MeterRegistry;
import io.trackstream.behavior.store.CassandraBehaviorStore;
import io.trackstream.behavior.stream.BehaviorTopology;
import io.trackstream.streams.StreamsSettings;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.cassandra.autoconfigure.DriverConfigLoaderBuilderCustomizer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;

/**
 * Wires the plain topology and the Cassandra store from the settings.
 */
@Configuration(proxyBeanMethods = false)
class BehaviorConfiguration {

    private static final Logger log = LoggerFactory.getLogger(BehaviorConfiguration.class);

    @Bean
    CassandraBehaviorStore behaviorStore(CqlSession session, JsonMapper mapper, MeterRegistry meters) {
        return new CassandraBehaviorStore(session, mapper, meters);
    }

    @Bean
    KStream<Void, Void> behaviorTopology(StreamsBuilder builder, StreamsSettings streams, BehaviorProperties properties,
                                         CassandraBehaviorStore store, JsonMapper mapper, MeterRegistry meters) {
        return BehaviorTopology.build(builder, streams.dedupHorizon(), properties.toSettings(), store, mapper, meters);
    }

    /** The driver's reconnection delay grows to a minute by default; find Cassandra again within seconds. */
    @Bean
    DriverConfigLoaderBuilderCustomizer fastReconnection() {
        return builder -> builder
                .withDuration(DefaultDriverOption.RECONNECTION_BASE_DELAY, Duration.ofMillis(500))
                .withDuration(DefaultDriverOption.RECONNECTION_MAX_DELAY, Duration.ofSeconds(4));
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> startLine(@Value("${spring.kafka.bootstrap-servers}") String kafka,
                                                         @Value("${spring.cassandra.contact-points}") String cassandra,
                                                         @Value("${spring.cassandra.keyspace-name}") String keyspace,
                                                         @Value("${local.server.port:${server.port}}") String port) {
        return event -> log.info("behavior-consumer started: Kafka {}, Cassandra {} (keyspace {}), HTTP port {}",
                kafka, cassandra, keyspace, port);
    }
}
