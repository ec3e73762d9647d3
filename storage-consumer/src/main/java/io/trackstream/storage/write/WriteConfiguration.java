package io.trackstream.storage.write;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.internal.core.session.throttling.ConcurrencyLimitingRequestThrottler;
import io.micrometer.core.instrument.MeterRegistry;
import io.trackstream.model.EventCodec;
import io.trackstream.model.Topics;
import io.trackstream.storage.StorageProperties;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.cassandra.autoconfigure.DriverConfigLoaderBuilderCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
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

    // Requests other than the listeners' writes that may wait in the throttler's queue at once: one
    // synchronous history read per request thread (Tomcat has 200), the health check, with room to spare.
    static final int OTHER_REQUESTS = 1_000;

    /**
     * The driver's request throttler bounds the session's outstanding requests (writes and history
     * reads) at {@code max-in-flight}; the others wait in its queue. A request that finds the queue
     * full fails at once with {@code RequestThrottlingException}, so the queue holds everything the
     * listeners can have sent at once: a listener thread sends one poll's statements and waits for
     * them, at most two per record (the row and its partition's index row), plus {@link #OTHER_REQUESTS}.
     * Should one be refused all the same, it is a store failure ({@link WriteFailure#STORE}): the
     * batch is not committed and is written again after a back-off, so nothing is lost. The same
     * holds for a request that waited past its timeout ({@code spring.cassandra.request.timeout}),
     * which runs from the moment it is sent, queue included.
     */
    @Bean
    DriverConfigLoaderBuilderCustomizer writeThrottler(StorageProperties storage, KafkaProperties kafka) {
        int queue = maxQueueSize(kafka.getListener().getConcurrency(), kafka.getConsumer().getMaxPollRecords());
        return builder -> builder
                .withClass(DefaultDriverOption.REQUEST_THROTTLER_CLASS, ConcurrencyLimitingRequestThrottler.class)
                .withInt(DefaultDriverOption.REQUEST_THROTTLER_MAX_CONCURRENT_REQUESTS, storage.maxInFlight())
                .withInt(DefaultDriverOption.REQUEST_THROTTLER_MAX_QUEUE_SIZE, queue);
    }

    /** Room for every statement the listener threads can send at once, plus the other requests. */
    static int maxQueueSize(Integer listenerThreads, Integer maxPollRecords) {
        // Unset, the container runs one thread and Kafka's consumer polls at most 500 records.
        int threads = listenerThreads == null ? 1 : listenerThreads;
        int records = maxPollRecords == null ? 500 : maxPollRecords;
        return Math.addExact(Math.multiplyExact(threads, Math.multiplyExact(2, records)), OTHER_REQUESTS);
    }

    @Bean
    EventWriter eventWriter(CqlSession session, StorageProperties properties, EventCodec codec,
            StorageWritesHealthIndicator health, MeterRegistry meters) {
        return new EventWriter(session, properties.layout(), codec, properties.maxBatchRows(), health, meters);
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
