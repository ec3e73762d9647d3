package io.trackstream.streams;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health component {@code kafkaStreams}, part of the readiness group: DOWN until the Streams
 * application has first reached RUNNING (its stores restored, its tasks assigned), and DOWN again
 * once it is stopping or has failed. A rebalance after that stays UP: it is brief, and taking every
 * instance out of service at once on each rebalance would turn a pause into an outage; queries
 * that hit a store mid-rebalance answer 503 with Retry-After instead ({@link StoreUnavailableAdvice}).
 */
final class StreamsReadiness implements HealthIndicator, KafkaStreams.StateListener {

    private volatile KafkaStreams.State state = KafkaStreams.State.CREATED;
    private volatile boolean wasRunning;

    @Override
    public void onChange(KafkaStreams.State newState, KafkaStreams.State oldState) {
        state = newState;
        if (newState == KafkaStreams.State.RUNNING) {
            wasRunning = true;
        }
    }

    @Override
    public Health health() {
        KafkaStreams.State current = state;
        boolean ready = current == KafkaStreams.State.RUNNING
                || (current == KafkaStreams.State.REBALANCING && wasRunning);
        return (ready ? Health.up() : Health.down()).withDetail("state", current.name()).build();
    }
}
