package io.trackstream.dashboard.stream;

import io.trackstream.dashboard.DashboardProperties;
import io.trackstream.model.Topics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/** The two topic tails: the newest events for the feed, the fraud alerts for their panel. */
@Configuration(proxyBeanMethods = false)
class TailConfiguration {

    @Bean
    TailReader latestEventsTail(LatestEvents feed, @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers) {
        // each flush sends the newest of what arrived since the last: no partition needs more than that
        return new TailReader(Topics.USER_ACTIVITIES, bootstrapServers, Duration.ZERO, feed.perFlush(),
                Duration.ofMillis(1000 / LatestEvents.FLUSHES_PER_SECOND), feed::arrived);
    }

    @Bean
    TailReader fraudAlertsTail(FraudAlerts alerts, DashboardProperties properties,
            @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers) {
        return new TailReader(Topics.FRAUD_ALERTS, bootstrapServers, properties.alertsLookback(), alerts::arrived);
    }
}
