package io.trackstream.storage.write;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.trackstream.model.EventSerde;
import io.trackstream.model.Violation;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Sends records the consumer cannot use to {@code user-activities.DLT}, unchanged (same key, same
 * bytes, same partition number) with the recoverer's standard {@code kafka_dlt-*} headers (source
 * topic, partition, offset, consumer group, exception) plus {@value #REASON_HEADER}: every broken
 * rule as {@code field: error}, separated by {@code "; "}, or the store's refusal of a record that
 * decoded ({@code Cassandra refused the write: ...}). Returns once Kafka acknowledged the send.
 */
class DeadLetters {

    static final String REASON_HEADER = "trackstream.dlt.reason";

    private final DeadLetterPublishingRecoverer recoverer;
    private final Counter malformed;
    private final Counter contract;
    private final Counter store;

    DeadLetters(DeadLetterPublishingRecoverer recoverer, MeterRegistry meters) {
        this.recoverer = recoverer;
        this.recoverer.setHeadersFunction((record, exception) -> reasonHeader(exception));
        this.malformed = counter(meters, "malformed");
        this.contract = counter(meters, "contract");
        this.store = counter(meters, "store");
    }

    private static Counter counter(MeterRegistry meters, String reason) {
        return Counter.builder("trackstream.storage.dead.lettered")
                .description("Records sent to the dead-letter topic, by kind of reason")
                .tag("reason", reason)
                .register(meters);
    }

    void publish(ConsumerRecord<?, ?> record, List<Violation> violations, Consumer<?, ?> consumer) {
        recoverer.accept(record, consumer, new PoisonRecordException(EventSerde.InvalidEventException.describe(violations)));
        // "body" is the document as a whole: unreadable JSON, not an object, too large.
        boolean unreadable = violations.stream().anyMatch(v -> v.field().equals("body"));
        (unreadable ? malformed : contract).increment();
    }

    /** A record that decodes but whose write the store refused for its content; {@code reason} says why. */
    void publishRefused(ConsumerRecord<?, ?> record, String reason, Consumer<?, ?> consumer) {
        recoverer.accept(record, consumer, new PoisonRecordException(reason));
        store.increment();
    }

    private static Headers reasonHeader(Exception exception) {
        Headers headers = new RecordHeaders();
        if (exception instanceof PoisonRecordException poison) {
            headers.add(REASON_HEADER, poison.getMessage().getBytes(StandardCharsets.UTF_8));
        }
        return headers;
    }

    /** Why a record was dead-lettered; it never leaves this class except as DLT headers. */
    static final class PoisonRecordException extends RuntimeException {

        PoisonRecordException(String reason) {
            super(reason, null, false, false);
        }
    }
}
