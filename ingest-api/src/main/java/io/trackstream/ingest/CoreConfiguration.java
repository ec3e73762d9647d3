package io.trackstream.ingest;

import io.trackstream.model.EventCodec;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;

/**
 * Beans every feature shares: the contract codec (with the configured clock policy), its mapper as
 * the application's one JSON mapper (so HTTP answers and Kafka records share snake_case and ISO
 * instants with milliseconds), the clock and the client-address rules.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IngestProperties.class)
public class CoreConfiguration {

    @Bean
    EventCodec eventCodec(IngestProperties properties) {
        return EventCodec.create(properties.clock().toIntakePolicy());
    }

    // Boot's Jackson auto-configuration backs off when a JsonMapper bean exists, so MVC writes with this one.
    @Bean
    JsonMapper jsonMapper(EventCodec codec) {
        return codec.mapper();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ClientAddresses clientAddresses(IngestProperties properties) {
        return new ClientAddresses(properties.enrichment().trustedProxies());
    }
}
