package io.trackstream.dashboard;

import io.trackstream.model.EventCodec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * One JSON shape: HTTP answers and server-sent events are written with the event contract's
 * mapper (snake_case, ISO-8601 UTC instants with milliseconds), so the feed's events look exactly
 * like the events that were accepted.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    @Bean
    EventCodec eventCodec() {
        return EventCodec.create();
    }

    @Bean
    JsonMapper jsonMapper(EventCodec codec) {
        return codec.mapper();
    }
}
