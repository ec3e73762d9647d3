package io.trackstream.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import io.trackstream.cassandra.BucketSize;
import io.trackstream.model.UserActivityEvent;

import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The raw Cassandra limit: single-row async inserts of realistic rows into user_events with a
 * prepared statement bound per row and a bound on in-flight requests, as the driver's examples do.
 */
final class CassandraBaseline {

    private CassandraBaseline() {
    }

    static Measurement run(String name, CqlSession session, String keyspace, List<UserActivityEvent> events, int inFlight) {
        PreparedStatement insert = session.prepare("INSERT INTO " + keyspace + ".user_events (user_id, bucket, event_time, event_id, "
                + "event_type, received_at, session_id, page_url, referrer, user_agent, ip_address, properties, device_type, "
                + "device_os, device_browser, country, city, timezone, metadata) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "USING TTL 86400");
        Semaphore permits = new Semaphore(inFlight);
        AtomicLong failures = new AtomicLong();
        long[] latencies = new long[events.size()];
        long started = System.nanoTime();
        for (int i = 0; i < events.size(); i++) {
            UserActivityEvent e = events.get(i);
            permits.acquireUninterruptibly();
            long sent = System.nanoTime();
            int index = i;
            session.executeAsync(insert.bind(e.userId(), BucketSize.DAY.bucketOf(e.timestamp()), e.timestamp(), e.eventId(),
                            e.eventType(), e.receivedAt(), e.sessionId(), e.pageUrl(), e.referrer(), e.userAgent(), e.ipAddress(),
                            "{\"product_id\":\"" + e.properties().productId() + "\",\"price\":" + e.properties().price() + "}",
                            e.device().type(), e.device().os(), e.device().browser(), e.location().country(), e.location().city(),
                            e.location().timezone(), e.metadata()))
                    .whenComplete((rs, error) -> {
                        latencies[index] = System.nanoTime() - sent;
                        if (error != null) {
                            failures.incrementAndGet();
                        }
                        permits.release();
                    });
        }
        permits.acquireUninterruptibly(inFlight);
        double seconds = (System.nanoTime() - started) / 1e9;
        return Measurement.throughput(name, "rows/s", events.size() / seconds,
                        events.size() + " rows, " + inFlight + " in flight" + (failures.get() > 0 ? ", " + failures.get() + " failed" : ""))
                .withLatency(Percentiles.ofNanos(latencies, latencies.length));
    }

}
