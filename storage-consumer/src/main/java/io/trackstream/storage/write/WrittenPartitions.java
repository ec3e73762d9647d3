package io.trackstream.storage.write;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;
import java.time.Instant;

/**
 * The {@code user_events} partitions (user, bucket) this writer indexed in the last hour, at most
 * 200,000 of them, each added once a whole batch with rows in it was written, so their
 * {@code user_buckets} row exists. The writer does not write that row again meanwhile: it is the
 * same upsert, and with many users per poll it would double the writes per event. Write-side only:
 * the history reader asks the index, never this cache. A partition missing here costs one idempotent
 * write more, never a row.
 */
final class WrittenPartitions {

    private final Cache<Key, Boolean> written = Caffeine.newBuilder()
            .maximumSize(200_000)
            .expireAfterWrite(Duration.ofHours(1))
            .build();

    boolean contains(String userId, Instant bucket) {
        return written.getIfPresent(new Key(userId, bucket)) != null;
    }

    void add(String userId, Instant bucket) {
        written.put(new Key(userId, bucket), Boolean.TRUE);
    }

    private record Key(String userId, Instant bucket) {
    }
}
