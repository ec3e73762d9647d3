package io.trackstream.ingest.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.trackstream.ingest.IngestProperties;
import io.trackstream.model.EventCodec;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.ProducerListener;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * The producer side: the publisher over Boot's {@link KafkaTemplate} (producer settings in
 * application.yml), the time bounds from {@link IngestProperties.Kafka}, readiness and the flush at
 * shutdown.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

    @Bean
    EventPublisher eventPublisher(KafkaTemplate<String, byte[]> template, EventCodec codec, MeterRegistry registry) {
        return new KafkaEventPublisher(template, codec, registry);
    }

    // The time bounds decide when a request answers 503 instead of waiting, so they are ingest
    // settings rather than raw producer properties; request.timeout.ms must fit inside delivery.timeout.ms.
    @Bean
    DefaultKafkaProducerFactoryCustomizer deliveryBounds(IngestProperties properties) {
        IngestProperties.Kafka kafka = properties.kafka();
        long delivery = kafka.deliveryTimeout().toMillis();
        return factory -> factory.updateConfigs(Map.of(
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) delivery,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.max(1, delivery - 100),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, kafka.maxBlock().toMillis()));
    }

    // Replaces Boot's LoggingProducerListener, which logs an ERROR per failed record: during an outage
    // that is one line per event. Failures are answered 503, metered (trackstream.ingest.kafka.send,
    // result=failed) and the client library logs the connectivity problem itself.
    @Bean
    ProducerListener<Object, Object> kafkaProducerListener() {
        return new ProducerListener<>() {
        };
    }

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin, IngestProperties properties, Clock clock) {
        IngestProperties.Kafka kafka = properties.kafka();
        Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
        int timeoutMs = (int) kafka.healthTimeout().toMillis();
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
        config.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "ingest-api-health");
        return new KafkaHealthIndicator(config, kafka.healthTimeout(), kafka.healthCacheTtl(), clock);
    }

    @Bean
    ProducerFlusher producerFlusher(KafkaTemplate<String, byte[]> template) {
        return new ProducerFlusher(template);
    }
}
