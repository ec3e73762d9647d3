package io.trackstream.ingest.intake;

import io.micrometer.core.instrument.MeterRegistry;
import io.trackstream.ingest.IngestProperties;
import io.trackstream.ingest.kafka.EventPublisher;
import io.trackstream.model.EventCodec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;

/** Wires the intake pipeline: enrichment, metrics and {@link EventIntake} over the publisher. */
@Configuration(proxyBeanMethods = false)
public class IntakeConfiguration {

    @Bean
    EdgeEnricher edgeEnricher(IngestProperties properties) {
        IngestProperties.Enrichment enrichment = properties.enrichment();
        return new EdgeEnricher(enrichment.anonymizeIp(), new UserAgentDevices(enrichment.userAgentCacheSize()));
    }

    @Bean
    IntakeMetrics intakeMetrics(MeterRegistry registry) {
        return new IntakeMetrics(registry);
    }

    // The async timeout is only a safety net: Kafka's delivery timeout answers 503 long before it.
    @Bean
    DirectAnswers directAnswers(JsonMapper mapper, IngestProperties properties,
                                @Value("${spring.mvc.async.request-timeout:30s}") Duration timeout) {
        return new DirectAnswers(mapper, timeout, properties.kafka().retryAfterHeader());
    }

    @Bean
    EventIntake eventIntake(EventCodec codec, EdgeEnricher enricher, EventPublisher publisher,
                            IntakeMetrics metrics, Clock clock, IngestProperties properties) {
        return new EventIntake(codec, enricher, publisher, metrics, clock,
                properties.limits().maxBatchEvents(), properties.kafka().retryAfterHeader());
    }
}
