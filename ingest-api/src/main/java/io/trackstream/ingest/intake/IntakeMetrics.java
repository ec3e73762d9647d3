package io.trackstream.ingest.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.trackstream.model.Violation;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The intake's meters. {@code trackstream.ingest.events} counts every event by {@code result}
 * (accepted, rejected, failed) and {@code reason}: for rejections the top-level field of the first
 * broken rule, limited to the contract's field names so the tag stays low-cardinality.
 */
final class IntakeMetrics {

    private static final Set<String> FIELDS = Set.of("body", "event_id", "user_id", "event_type", "timestamp",
            "sent_at", "session_id", "page_url", "referrer", "user_agent", "ip_address", "properties", "device",
            "location", "metadata");

    private final MeterRegistry registry;
    private final Counter accepted;
    private final DistributionSummary batchSize;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    IntakeMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.accepted = counter("accepted", "none");
        this.batchSize = DistributionSummary.builder("trackstream.ingest.batch.size")
                .description("Events per batch request")
                .baseUnit("events")
                .publishPercentileHistogram()
                .register(registry);
    }

    void accepted() {
        accepted.increment();
    }

    void rejected(List<Violation> violations) {
        String field = violations.isEmpty() ? "other" : topLevel(violations.get(0).field());
        counters.computeIfAbsent("rejected/" + field, k -> counter("rejected", field)).increment();
    }

    void failed(String reason) {
        counters.computeIfAbsent("failed/" + reason, k -> counter("failed", reason)).increment();
    }

    void batchSize(int events) {
        batchSize.record(events);
    }

    private Counter counter(String result, String reason) {
        return Counter.builder("trackstream.ingest.events")
                .description("Events received, by outcome")
                .tag("result", result)
                .tag("reason", reason)
                .register(registry);
    }

    private static String topLevel(String field) {
        int end = field.length();
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '.' || c == '[') {
                end = i;
                break;
            }
        }
        String top = field.substring(0, end);
        return FIELDS.contains(top) ? top : "other";
    }
}
