package io.trackstream.analytics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.trackstream.analytics.compute.AnalyticsObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The topology's meters ({@code trackstream.analytics.*}, tags low-cardinality: the event type
 * only for known types) and the one-line processing summary, every N events or T seconds.
 */
final class AnalyticsMetrics implements AnalyticsObserver {

    private static final Logger log = LoggerFactory.getLogger(AnalyticsMetrics.class);
    private static final String CUSTOM = "custom";

    private final MeterRegistry registry;
    private final Map<String, Counter> processed = new ConcurrentHashMap<>();
    private final Counter lateHour;
    private final Counter lateDay;
    private final Timer flush;
    private final AnalyticsProperties.SummaryLog summary;
    private final Clock clock;
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong lates = new AtomicLong();
    private final AtomicLong rows = new AtomicLong();
    private final AtomicLong lastLine;
    private final AtomicLong eventsAtLastLine = new AtomicLong();

    AnalyticsMetrics(MeterRegistry registry, AnalyticsProperties.SummaryLog summary, Clock clock) {
        this.registry = registry;
        this.summary = summary;
        this.clock = clock;
        this.lateHour = Counter.builder("trackstream.analytics.late").tag("window", "hour")
                .description("events that came after their window closed (end + grace)").register(registry);
        this.lateDay = Counter.builder("trackstream.analytics.late").tag("window", "day")
                .description("events that came after their window closed (end + grace)").register(registry);
        this.flush = Timer.builder("trackstream.analytics.flush").description("upserts of changed figures into Cassandra")
                .register(registry);
        this.lastLine = new AtomicLong(clock.millis());
    }

    @Override
    public void processed(String eventType) {
        String tag = io.trackstream.model.KnownEventType.fromWire(eventType).isPresent() ? eventType : CUSTOM;
        processed.computeIfAbsent(tag, t -> Counter.builder("trackstream.analytics.events").tag("event.type", t)
                .description("events counted by the analytics topology, after deduplication").register(registry)).increment();
        long n = events.incrementAndGet();
        if (n - eventsAtLastLine.get() >= summary.records()) {
            logSummary();
        }
    }

    @Override
    public void late(String window) {
        lates.incrementAndGet();
        ("hour".equals(window) ? lateHour : lateDay).increment();
    }

    @Override
    public void flushed(int rowCount, long nanos) {
        rows.addAndGet(rowCount);
        flush.record(nanos, TimeUnit.NANOSECONDS);
        if (clock.millis() - lastLine.get() >= summary.interval().toMillis()) {
            logSummary();
        }
    }

    private synchronized void logSummary() {
        long now = clock.millis();
        long n = events.get();
        long since = n - eventsAtLastLine.getAndSet(n);
        double seconds = Math.max(1, now - lastLine.getAndSet(now)) / 1000.0;
        log.info("analytics: {} events ({} in the last {} s, {}/s), {} late, {} rows upserted",
                n, since, Math.round(seconds), Math.round(since / seconds), lates.get(), rows.get());
    }
}
