package io.trackstream.dashboard.live;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The headline figures as Prometheus gauges ({@code trackstream.dashboard.*}), a stats line in the
 * log every 10 seconds, and the start line naming Kafka and the port.
 */
@Component
class DashboardMetrics {

    private static final Logger log = LoggerFactory.getLogger(DashboardMetrics.class);

    private final SnapshotService snapshots;
    private final MeterRegistry registry;
    private final Set<String> currencies = ConcurrentHashMap.newKeySet();
    private final String kafka;

    DashboardMetrics(SnapshotService snapshots, MeterRegistry registry,
            @Value("${spring.kafka.bootstrap-servers}") String kafka) {
        this.snapshots = snapshots;
        this.registry = registry;
        this.kafka = kafka;
        Gauge.builder("trackstream.dashboard.active.users", () -> snapshots.latest().activeUsers())
                .description("distinct users with an event in the last 5 minutes").register(registry);
        Gauge.builder("trackstream.dashboard.events.per.second", () -> snapshots.latest().eventsPerSecond())
                .description("events per second over the last minute").register(registry);
        Gauge.builder("trackstream.dashboard.conversion.rate", () -> snapshots.latest().conversionRate())
                .description("purchasing users / active users over 5 minutes, percent").register(registry);
    }

    @EventListener
    void started(WebServerInitializedEvent event) {
        log.info("dashboard-consumer on port {}; Kafka {}; no Cassandra (the live figures live in Kafka Streams state)",
                event.getWebServer().getPort(), kafka);
    }

    // A gauge per currency seen: a handful (ISO 4217 codes), a low-cardinality tag.
    @EventListener
    void refreshed(Snapshot snapshot) {
        snapshot.revenue().keySet().forEach(currency -> {
            if (currencies.add(currency)) {
                Gauge.builder("trackstream.dashboard.revenue", () -> revenue(currency))
                        .description("purchases of the last 5 minutes").tag("currency", currency).register(registry);
            }
        });
    }

    private double revenue(String currency) {
        String sum = snapshots.latest().revenue().get(currency);
        return sum == null ? 0 : new BigDecimal(sum).doubleValue();
    }

    @Scheduled(fixedRate = 10_000, initialDelay = 10_000)
    void stats() {
        Snapshot s = snapshots.latest();
        log.info("live: {} active users, {} events/s, conversion {} %, revenue {}, {} partition(s) reporting",
                s.activeUsers(), s.eventsPerSecond(), s.conversionRate(), s.revenue(), s.partitions());
    }
}
