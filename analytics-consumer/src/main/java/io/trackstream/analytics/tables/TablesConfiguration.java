package io.trackstream.analytics.tables;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import io.trackstream.analytics.compute.AnalyticsSink;
import org.springframework.boot.cassandra.autoconfigure.DriverConfigLoaderBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/** The Cassandra side of the service: the sink the topology writes through. */
@Configuration(proxyBeanMethods = false)
class TablesConfiguration {

    /** Writes in flight per flush; a flush holds at most a few hundred rows per task. */
    private static final int MAX_IN_FLIGHT = 128;

    @Bean
    AnalyticsSink cassandraAnalyticsSink(CqlSession session) {
        return new CassandraAnalyticsSink(session, MAX_IN_FLIGHT);
    }

    @Bean
    RowSource cassandraRowSource(CqlSession session) {
        return new CassandraRowSource(session);
    }

    /** After an outage the service should find Cassandra again within seconds, not the driver's minute. */
    @Bean
    DriverConfigLoaderBuilderCustomizer fastReconnection() {
        return builder -> builder
                .withDuration(DefaultDriverOption.RECONNECTION_BASE_DELAY, Duration.ofMillis(500))
                .withDuration(DefaultDriverOption.RECONNECTION_MAX_DELAY, Duration.ofSeconds(4));
    }
}
