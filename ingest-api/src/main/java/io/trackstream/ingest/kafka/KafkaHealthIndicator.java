package io.trackstream.ingest.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Readiness says DOWN when the broker does not answer a cluster description within a short timeout,
 * so a load balancer stops sending traffic that could only get 503. The answer is cached briefly:
 * probes from several sources must not become a load on the broker.
 */
final class KafkaHealthIndicator implements HealthIndicator, DisposableBean {

    private final Supplier<Admin> adminFactory;
    private final Duration timeout;
    private final Duration ttl;
    private final Clock clock;
    private Admin admin;
    private Health last;
    private Instant lastAt = Instant.MIN;

    KafkaHealthIndicator(Map<String, Object> adminConfig, Duration timeout, Duration ttl, Clock clock) {
        this.adminFactory = () -> Admin.create(adminConfig);
        this.timeout = timeout;
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public synchronized Health health() {
        Instant now = clock.instant();
        if (last != null && now.isBefore(lastAt.plus(ttl))) {
            return last;
        }
        last = check();
        lastAt = now;
        return last;
    }

    private Health check() {
        int timeoutMs = (int) timeout.toMillis();
        try {
            if (admin == null) {
                admin = adminFactory.get();
            }
            DescribeClusterResult cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMs));
            String clusterId = cluster.clusterId().get(timeoutMs, TimeUnit.MILLISECONDS);
            int nodes = cluster.nodes().get(timeoutMs, TimeUnit.MILLISECONDS).size();
            return Health.up().withDetail("clusterId", clusterId).withDetail("nodes", nodes).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down(e).build();
        } catch (Exception e) {
            return Health.down(e).build();
        }
    }

    @Override
    public synchronized void destroy() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
