package io.trackstream.ingest.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import java.time.Duration;

/**
 * A Bucket4j token bucket per client (API key, or IP when the API is open), kept in memory in a
 * bounded cache: a flood of new client ids evicts idle buckets instead of growing the heap. A
 * bucket that is evicted and comes back starts full, which only ever errs in the client's favour.
 */
final class RateLimiter {

    private final Cache<String, Bucket> buckets;
    private final Bandwidth bandwidth;

    RateLimiter(long capacity, long refillPerSecond, long maxClients) {
        this.bandwidth = Bandwidth.builder()
                .capacity(capacity)
                .refillGreedy(refillPerSecond, Duration.ofSeconds(1))
                .build();
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maxClients)
                .expireAfterAccess(Duration.ofMinutes(10))
                .build();
    }

    /** Takes one token for {@code client}: 0 when it may go on, else the nanoseconds until it may retry. */
    long tryAcquire(String client) {
        Bucket bucket = buckets.get(client, id -> Bucket.builder().addLimit(bandwidth).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : Math.max(1, probe.getNanosToWaitForRefill());
    }
}
