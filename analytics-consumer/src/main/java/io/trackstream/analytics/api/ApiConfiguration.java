package io.trackstream.analytics.api;

import io.trackstream.analytics.AnalyticsProperties;
import io.trackstream.analytics.tables.RowSource;
import io.trackstream.model.EventCodec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** The API's beans; HTTP writes with the event contract's mapper (snake_case, ISO-8601 UTC instants, exact numbers). */
@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

    @Bean
    AnalyticsQueries analyticsQueries(RowSource rows, AnalyticsProperties settings) {
        return new AnalyticsQueries(rows, settings.funnelSteps());
    }

    @Bean
    JsonMapper jsonMapper() {
        return EventCodec.create().mapper();
    }
}
