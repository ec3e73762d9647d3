package io.trackstream.analytics;

import io.micrometer.core.instrument.MeterRegistry;
import io.trackstream.analytics.compute.AnalyticsObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import java.time.Clock;

/** Metrics and the start-up line naming Kafka, Cassandra and the port. */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MetricsConfiguration.class);

    @Bean
    AnalyticsObserver analyticsMetrics(MeterRegistry registry, AnalyticsProperties settings) {
        return new AnalyticsMetrics(registry, settings.summaryLog(), Clock.systemUTC());
    }

    @Bean
    StartLine startLine(@Value("${spring.kafka.bootstrap-servers}") String kafka,
            @Value("${spring.cassandra.contact-points}") String cassandra,
            @Value("${spring.cassandra.keyspace-name}") String keyspace, AnalyticsProperties settings) {
        return new StartLine(kafka, cassandra, keyspace, settings);
    }

    record StartLine(String kafka, String cassandra, String keyspace, AnalyticsProperties settings) {

        @EventListener
        void ready(ApplicationReadyEvent event) {
            log.info("analytics-consumer on port {}: Kafka {}, Cassandra {} keyspace {}; grace {}, funnel {}, default currency {}",
                    event.getApplicationContext().getEnvironment().getProperty("local.server.port"), kafka, cassandra, keyspace,
                    settings.grace(), settings.funnelSteps(), settings.defaultCurrency());
        }
    }
}
