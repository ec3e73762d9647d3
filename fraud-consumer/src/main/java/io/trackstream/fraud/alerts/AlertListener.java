package io.trackstream.fraud.alerts;

import io.trackstream.fraud.detect.AlertSerde;
import io.trackstream.fraud.detect.FraudAlert;
import io.trackstream.model.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stores the committed alerts of {@code fraud-alerts} (read_committed: an aborted Streams
 * transaction's alerts are never stored) in Cassandra. A batch whose writes failed is thrown back
 * to the container, which redelivers it after a back-off; the writes are idempotent.
 */
final class AlertListener {

    private static final Logger log = LoggerFactory.getLogger(AlertListener.class);

    private final AlertWriter writer;

    AlertListener(AlertWriter writer) {
        this.writer = writer;
    }

    @KafkaListener(id = "fraud-alert-writer", topics = Topics.FRAUD_ALERTS, batch = "true")
    void store(List<ConsumerRecord<String, byte[]>> records) throws ExecutionException, InterruptedException, TimeoutException {
        List<FraudAlert> alerts = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                alerts.add(AlertSerde.decode(record.value()));
            } catch (RuntimeException e) {
                // Only the detector writes this topic; a record it cannot have written is skipped, loudly.
                log.error("skipping an unreadable alert at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                        e.getMessage());
            }
        }
        writer.write(alerts).get(30, TimeUnit.SECONDS);
    }
}
