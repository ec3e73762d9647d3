package io.trackstream.storage.write;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Health component {@code storageWrites}: DOWN from the first failed write batch until a batch is
 * written again, so an outage shows while the consumer is backing off rather than only in logs.
 */
@Component("storageWrites")
class StorageWritesHealthIndicator implements HealthIndicator {

    private final AtomicReference<Outage> outage = new AtomicReference<>();
    private final Clock clock;

    StorageWritesHealthIndicator() {
        this(Clock.systemUTC());
    }

    StorageWritesHealthIndicator(Clock clock) {
        this.clock = clock;
    }

    void writeFailed(Throwable cause) {
        Instant now = clock.instant();
        // Keep the start of the outage: "since" is what an operator needs.
        outage.updateAndGet(current -> new Outage(current == null ? now : current.since(), describe(cause)));
    }

    void writeSucceeded() {
        if (outage.get() != null) {
            outage.set(null);
        }
    }

    @Override
    public Health health() {
        Outage current = outage.get();
        if (current == null) {
            return Health.up().build();
        }
        return Health.down()
                .withDetail("since", current.since().toString())
                .withDetail("error", current.error())
                .build();
    }

    private static String describe(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private record Outage(Instant since, String error) {
    }
}
