package io.trackstream.ingest.segment;

import io.trackstream.ingest.IngestProperties;
import io.trackstream.ingest.intake.EventIntake;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;

/** Wires the Segment-compatible API over the one {@link EventIntake}. */
@Configuration(proxyBeanMethods = false)
public class SegmentConfiguration {

    @Bean
    SegmentIntake segmentIntake(EventIntake intake, JsonMapper mapper, Clock clock, IngestProperties properties) {
        return new SegmentIntake(intake, mapper, clock, properties.limits().maxBatchEvents(),
                properties.kafka().retryAfterHeader());
    }
}
