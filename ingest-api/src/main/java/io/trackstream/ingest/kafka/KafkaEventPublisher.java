package io.trackstream.ingest.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.trackstream.model.EventCodec;
import io.trackstream.model.EventRecords;
import io.trackstream.model.Topics;
import io.trackstream.model.UserActivityEvent;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.springframework.kafka.core.KafkaTemplate;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * Writes events to {@link Topics#USER_ACTIVITIES} through the record contract ({@link EventRecords}:
 * key = user_id, record timestamp = event time, headers = event_id and contract version).
 */
final class KafkaEventPublisher implements EventPublisher {

    private final KafkaTemplate<String, byte[]> template;
    private final EventRecords records;
    private final Timer acknowledged;
    private final Timer failed;

    KafkaEventPublisher(KafkaTemplate<String, byte[]> template, EventCodec codec, MeterRegistry registry) {
        this.template = template;
        this.records = new EventRecords(codec);
        this.acknowledged = sendTimer(registry, "acknowledged");
        this.failed = sendTimer(registry, "failed");
    }

    private static Timer sendTimer(MeterRegistry registry, String result) {
        return Timer.builder("trackstream.ingest.kafka.send")
                .description("Time from handing an event to the producer until the broker answered")
                .tag("result", result)
                .publishPercentileHistogram()
                .register(registry);
    }

    @Override
    public CompletableFuture<Void> publish(UserActivityEvent event) {
        ProducerRecord<String, byte[]> record = records.toRecord(event);
        long start = System.nanoTime();
        CompletableFuture<?> sent;
        try {
            sent = template.send(record);
        } catch (RuntimeException e) {
            // A full buffer or missing metadata past max.block.ms surfaces here, not in the future.
            sent = CompletableFuture.failedFuture(e);
        }
        return sent.handle((result, failure) -> {
            long elapsed = System.nanoTime() - start;
            if (failure == null) {
                acknowledged.record(elapsed, TimeUnit.NANOSECONDS);
                return null;
            }
            failed.record(elapsed, TimeUnit.NANOSECONDS);
            throw new CompletionException(new PublishException(reasonOf(failure), failure));
        });
    }

    private static String reasonOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t instanceof java.util.concurrent.TimeoutException) {
                return "timeout";
            }
        }
        return "error";
    }
}
