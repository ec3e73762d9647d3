package io.trackstream.storage;

import io.trackstream.model.EventCodec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * One JSON shape: the HTTP layer writes with the very mapper of the event contract (snake_case,
 * ISO-8601 UTC instants with milliseconds, nulls left out), so history events look exactly like
 * the events that were accepted.
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
