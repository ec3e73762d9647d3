package io.trackstream.fraud;

import io.trackstream.model.EventCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;

/**
 * One JSON shape (the HTTP layer and the alerts topic write with the contract's mapper: snake_case,
 * ISO-8601 UTC instants with milliseconds), the clock, and the one start-up line.
 */
@Configuration(proxyBeanMethods = false)
class CoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CoreConfiguration.class);

    @Bean
    JsonMapper jsonMapper() {
        return EventCodec.create().mapper();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> startupLine(@Value("${spring.kafka.bootstrap-servers}") String kafka,
            @Value("${spring.cassandra.contact-points}") String cassandra, @Value("${spring.cassandra.keyspace-name}") String keyspace,
            @Value("${local.server.port:${server.port}}") String port, FraudProperties fraud) {
        return event -> log.info("fraud-consumer ready on port {}; Kafka {}; Cassandra {} keyspace {}; grace {}, admin key {}",
                port, kafka, cassandra, keyspace, fraud.grace(), fraud.adminKey() == null ? "not required" : "required");
    }
}
