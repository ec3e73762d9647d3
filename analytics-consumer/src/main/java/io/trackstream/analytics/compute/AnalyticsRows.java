package io.trackstream.analytics.compute;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What one task hands to the {@link AnalyticsSink} at a flush: the full current values of every
 * figure of its partition that changed since the last flush. Every row carries its
 * {@code sourcePartition}; readers sum a window's rows over the partitions.
 */
public record AnalyticsRows(List<Summary> summaries, List<Page> pages, List<Product> products, List<Country> countries,
                            List<FunnelStep> funnelSteps, List<TopUser> topUsers) {

    public boolean isEmpty() {
        return summaries.isEmpty() && pages.isEmpty() && products.isEmpty() && countries.isEmpty()
                && funnelSteps.isEmpty() && topUsers.isEmpty();
    }

    public int size() {
        return summaries.size() + pages.size() + products.size() + countries.size() + funnelSteps.size() + topUsers.size();
    }

    /**
     * One hour or day of one partition.
     *
     * @param granularity {@code hour} or {@code day}
     * @param events counted events by event type
     * @param orders purchases by currency
     * @param revenue purchase amounts by currency
     * @param lateDropped events that arrived after the window closed (window end + grace)
     */
    public record Summary(String granularity, Instant windowStart, int sourcePartition, Map<String, Long> events,
                          long distinctUsers, Map<String, Long> orders, Map<String, BigDecimal> revenue, long lateDropped) {
    }

    public record Page(LocalDate day, int sourcePartition, String page, long views) {
    }

    public record Product(LocalDate day, int sourcePartition, String productId, String name, String category,
                          long views, long addToCart, long purchases, Map<String, BigDecimal> revenue) {
    }

    public record Country(LocalDate day, int sourcePartition, String country, long events, long users,
                          Map<String, BigDecimal> revenue) {
    }

    /** @param step 1-based position in the funnel */
    public record FunnelStep(LocalDate day, int sourcePartition, int step, String eventType, long users) {
    }

    /** @param rank 1-based rank within the partition's day */
    public record TopUser(LocalDate day, int sourcePartition, int rank, String userId, long events) {
    }
}
