package io.trackstream.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** What slice tests put in place of Kafka and the wall clock. */
@TestConfiguration(proxyBeanMethods = false)
public class SliceTestBeans {

    /** The fixed receive time of every slice test request. */
    public static final Instant NOW = Instant.parse("2024-01-15T10:31:00Z");

    @Bean
    FakePublisher fakePublisher() {
        return new FakePublisher();
    }

    @Bean
    @Primary
    Clock fixedClock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }
}
