package io.trackstream.bench;

import com.datastax.oss.driver.api.core.CqlSession;

import java.time.Duration;

/**
 * Waits until Cassandra has no compaction running. A measurement that starts while Cassandra still
 * digests the previous one's burst (hundreds of thousands of rows in seconds) would measure that
 * burst: each rate and latency figure starts from a quiet node instead, as the raw baseline did.
 */
final class Compactions {

    // Quiet for this long in a row: a finished compaction often triggers the next one at once.
    private static final Duration QUIET = Duration.ofSeconds(5);

    private Compactions() {
    }

    /** @return how long it waited */
    static Duration awaitQuiet(CqlSession session, Duration atMost) {
        long start = System.nanoTime();
        long deadline = start + atMost.toNanos();
        long quietSince = -1;
        while (System.nanoTime() < deadline) {
            boolean running = session.execute("SELECT kind FROM system_views.sstable_tasks").one() != null;
            long now = System.nanoTime();
            if (running) {
                quietSince = -1;
            } else if (quietSince < 0) {
                quietSince = now;
            } else if (now - quietSince >= QUIET.toNanos()) {
                break;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
