package io.trackstream.fraud.alerts;

import com.datastax.oss.driver.api.core.CqlSession;
import io.trackstream.fraud.FraudProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;
import tools.jackson.databind.json.JsonMapper;

/** The alert store: the listener that writes {@code fraud-alerts} to Cassandra, and the reader the API uses. */
@Configuration(proxyBeanMethods = false)
class AlertsConfiguration {

    @Bean
    AlertWriter alertWriter(CqlSession session, JsonMapper json, FraudProperties properties) {
        return new AlertWriter(session, json, properties.alertTtl());
    }

    @Bean
    AlertReader alertReader(CqlSession session, JsonMapper json) {
        return new AlertReader(session, json);
    }

    @Bean
    AlertListener alertListener(AlertWriter writer) {
        return new AlertListener(writer);
    }

    // A batch fails only when Cassandra does: retried whole, with back-off, for as long as it takes.
    @Bean
    DefaultErrorHandler alertStoreErrorHandler() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(10_000);
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        backOff.setMaxAttempts(Long.MAX_VALUE);
        return new DefaultErrorHandler(backOff);
    }
}
