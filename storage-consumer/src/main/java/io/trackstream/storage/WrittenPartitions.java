package io.trackstream.storage;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;
import java.time.Instant;

/**
 * The {@code user_events} partitions (user, bucket) this instance wrote in the last hour, at most
 * 200,000 of them, each added once a whole batch with rows in it was written. The writer does not
 * write their {@code user_buckets} row again; the history reader reads such a bucket before asking
 * the index, since it holds events. Neither depends on it for correctness: a partition missing here
 * (written by another instance, or longer ago) costs one request more, never a row.
 */
public final class WrittenPartitions {

    private final Cache<Key, Boolean> written = Caffeine.newBuilder()
            .maximumSize(200_000)
            .expireAfterWrite(Duration.ofHours(1))
            .build();

    public boolean contains(String userId, Instant bucket) {
        return written.getIfPresent(new Key(userId, bucket)) != null;
    }

    public void add(String userId, Instant bucket) {
        written.put(new Key(userId, bucket), Boolean.TRUE);
    }

    private record Key(String userId, Instant bucket) {
    }
}
