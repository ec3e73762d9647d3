package io.trackstream.storage;

import io.trackstream.cassandra.BucketSize;
import io.trackstream.cassandra.StorageLayout;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code trackstream.storage.*}: how events are laid out and written. The bucket size must stay
 * the same for the life of a keyspace (see {@link BucketSize}); the retention becomes the TTL of
 * every row written from now on.
 *
 * @param bucketSize the {@code user_events} partition length, DAY or HOUR
 * @param retention how long an event is kept (a per-write TTL)
 * @param maxInFlight how many requests (writes and history reads) the Cassandra session may have
 *        outstanding at once, the driver's throttler's limit; at most the stream ids of its
 *        connections to a node (1,024 each, one connection by default), the others wait in its queue
 * @param maxBatchRows the most rows of one partition sent in one unlogged batch
 * @param retry the back-off between attempts while Cassandra refuses writes
 */
@ConfigurationProperties("trackstream.storage")
@Validated
public record StorageProperties(
        @DefaultValue("DAY") @NotNull BucketSize bucketSize,
        @DefaultValue("90d") @NotNull Duration retention,
        @DefaultValue("1024") @Min(1) @Max(32768) int maxInFlight,
        @DefaultValue("20") @Min(1) @Max(200) int maxBatchRows,
        @DefaultValue @Valid Retry retry) {

    /** The layout the writer and the history reader share; rejects an impossible retention at start-up. */
    public StorageLayout layout() {
        return new StorageLayout(bucketSize, retention);
    }

    /**
     * Exponential back-off while writes fail; there is no last attempt, the consumer waits for
     * Cassandra rather than dropping events.
     *
     * @param initialInterval the first pause
     * @param maxInterval the longest pause
     */
    public record Retry(
            @DefaultValue("500ms") @NotNull Duration initialInterval,
            @DefaultValue("10s") @NotNull Duration maxInterval) {
    }
}
