package io.trackstream.storage.write;

import com.datastax.oss.driver.api.core.CqlSession;
import io.micrometer.core.instrument.MeterRegistry;
import io.trackstream.model.EventCodec;
import io.trackstream.model.Topics;
import io.trackstream.storage.StorageProperties;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Wires the write path: the writer, the dead-letter publisher, the listener and the error handler
 * that, when a batch could not be written, pauses the consumer and redelivers the batch after an
 * exponential back-off, for as long as it takes (nothing is ever skipped).
 */
@Configuration(proxyBeanMethods = false)
class WriteConfiguration {

    @Bean
    EventWriter eventWriter(CqlSession session, StorageProperties properties, EventCodec codec,
            StorageWritesHealthIndicator health, MeterRegistry meters) {
        return new EventWriter(session, properties.layout(), codec, properties.maxInFlight(),
                properties.maxBatchRows(), health, meters);
    }

    @Bean
    DeadLetters deadLetters(KafkaOperations<?, ?> kafka, MeterRegistry meters) {
        // Named explicitly: spring-kafka 4 defaults to a "-dlt" suffix, the contract says ".DLT".
        return new DeadLetters(new DeadLetterPublishingRecoverer(kafka,
                (record, exception) -> new TopicPartition(Topics.USER_ACTIVITIES_DLT, record.partition())), meters);
    }

    @Bean
    StorageListener storageListener(EventCodec codec, EventWriter writer, DeadLetters deadLetters,
            MeterRegistry meters) {
        return new StorageListener(codec, writer, deadLetters, meters);
    }

    // The listener throws only when Cassandra (or the DLT) failed as a store (WriteFailure.STORE); such a
    // batch is retried whole, with the partitions paused in between, until it succeeds. Poison records,
    // and records the store refuses for their content, are dead-lettered and never reach this handler.
    @Bean
    DefaultErrorHandler storageErrorHandler(StorageProperties properties) {
        ExponentialBackOff backOff = new ExponentialBackOff(properties.retry().initialInterval().toMillis(), 2.0);
        backOff.setMaxInterval(properties.retry().maxInterval().toMillis());
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        backOff.setMaxAttempts(Long.MAX_VALUE);
        return new DefaultErrorHandler(backOff);
    }
}
