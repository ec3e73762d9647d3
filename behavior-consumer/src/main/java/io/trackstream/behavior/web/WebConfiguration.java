package io.trackstream.behavior.web;

import io.trackstream.model.EventCodec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;

/**
 * One JSON shape: HTTP answers, state stores and stored documents all use the event contract's
 * mapper (snake_case, ISO-8601 UTC instants with milliseconds, nulls left out). The clock dates
 * "today" and the churn risk.
 */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

    @Bean
    EventCodec eventCodec() {
        return EventCodec.create();
    }

    @Bean
    JsonMapper jsonMapper(EventCodec codec) {
        return codec.mapper();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
