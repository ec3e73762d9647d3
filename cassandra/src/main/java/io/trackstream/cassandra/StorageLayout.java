package io.trackstream.cassandra;

import java.time.Duration;
import java.util.Objects;

/**
 * How events are laid out in Cassandra: the bucket size of {@code user_events} and the retention
 * applied as a TTL on every write. The bucket index outlives the rows of its bucket by one
 * bucket length, so it never points at nothing while rows of the bucket may still live.
 */
public record StorageLayout(BucketSize bucketSize, Duration retention) {

    public static final StorageLayout DEFAULT = new StorageLayout(BucketSize.DAY, Duration.ofDays(90));

    public StorageLayout {
        Objects.requireNonNull(bucketSize, "bucketSize");
        Objects.requireNonNull(retention, "retention");
        if (retention.isNegative() || retention.isZero() || retention.toSeconds() > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("retention must be positive and at most ~34 years (a Cassandra TTL): " + retention);
        }
    }

    /** TTL in seconds for a {@code user_events} row. */
    public int eventTtlSeconds() {
        return Math.toIntExact(retention.toSeconds());
    }

    /** TTL in seconds for a {@code user_buckets} row. */
    public int bucketTtlSeconds() {
        return Math.toIntExact(retention.plus(bucketSize.length()).toSeconds());
    }
}
