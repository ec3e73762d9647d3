package io.trackstream.cassandra;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * How {@code user_events} partitions a user's timeline: one partition per UTC day (the default)
 * or per UTC hour (for very active users). A bucket is named by the instant it starts at.
 * Changing the size of an existing keyspace mixes overlapping buckets: choose it once.
 */
public enum BucketSize {
    DAY(ChronoUnit.DAYS),
    HOUR(ChronoUnit.HOURS);

    private final ChronoUnit unit;

    BucketSize(ChronoUnit unit) {
        this.unit = unit;
    }

    /** The start of the UTC bucket holding {@code eventTime}. */
    public Instant bucketOf(Instant eventTime) {
        return eventTime.truncatedTo(unit);
    }

    public Duration length() {
        return unit.getDuration();
    }
}
