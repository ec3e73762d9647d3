package io.trackstream.storage;

import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import org.springframework.boot.cassandra.autoconfigure.DriverConfigLoaderBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * Driver settings Boot has no property for. The driver's default reconnection delay grows to a
 * minute; after an outage the consumer should find Cassandra again within seconds.
 */
@Configuration(proxyBeanMethods = false)
class CassandraConfiguration {

    @Bean
    DriverConfigLoaderBuilderCustomizer fastReconnection() {
        return builder -> builder
                .withDuration(DefaultDriverOption.RECONNECTION_BASE_DELAY, Duration.ofMillis(500))
                .withDuration(DefaultDriverOption.RECONNECTION_MAX_DELAY, Duration.ofSeconds(4));
    }
}
