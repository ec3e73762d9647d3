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

    /** fraud-consumer's output topic; to become {@code Topics.FRAUD_ALERTS} once common-model names it. */
    static final String FRAUD_ALERTS_TOPIC = "fraud-alerts";

    @Bean
    TailReader latestEventsTail(LatestEvents feed, @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers) {
        return new TailReader(Topics.USER_ACTIVITIES, bootstrapServers, Duration.ZERO, feed::arrived);
    }

    @Bean
    TailReader fraudAlertsTail(FraudAlerts alerts, DashboardProperties properties,
            @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers) {
        return new TailReader(FRAUD_ALERTS_TOPIC, bootstrapServers, properties.alertsLookback(), alerts::arrived);
    }
}
