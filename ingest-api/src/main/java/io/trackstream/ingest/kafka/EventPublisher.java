package io.trackstream.ingest.kafka;

import io.trackstream.model.UserActivityEvent;

import java.util.concurrent.CompletableFuture;

/**
 * Hands an event to Kafka. The returned future completes only once the broker acknowledged the
 * record, and fails with a {@link PublishException} when it did not in time: callers answer 202
 * on completion and 503 on failure, never before.
 */
public interface EventPublisher {

    CompletableFuture<Void> publish(UserActivityEvent event);
}
