package io.trackstream.dashboard.live;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One partition's share of the live figures at one moment, as its task publishes it every second
 * to the compacted {@code dashboard-partials} topic (key: the partition number). A user lives in
 * one partition, so the partials of all partitions add up to the global figures (see
 * {@link Snapshots#merge}).
 *
 * @param partition the partition of {@code user-activities}
 * @param at the wall-clock time it was computed
 * @param activeUsers distinct users with an event in the last 5 minutes
 * @param purchasingUsers distinct users with a purchase in the last 5 minutes
 * @param timeline the seconds of the last 10 minutes that had events, oldest first, counts by type
 * @param pages page views of the last 5 minutes by page (this partition's most viewed only)
 * @param products events of the last 5 minutes by product (this partition's most active only)
 * @param devices events of the last 5 minutes by device type
 * @param countries events of the last 5 minutes by country
 * @param revenue purchases of the last 5 minutes, per currency
 */
record Partial(int partition, Instant at, long activeUsers, long purchasingUsers, List<SecondCounts> timeline,
        Map<String, Long> pages, List<ProductCount> products, Map<String, Long> devices, Map<String, Long> countries,
        Map<String, BigDecimal> revenue) {

    /**
     * @param second epoch second of event time
     * @param byType events of that second by type
     */
    record SecondCounts(long second, Map<String, Long> byType) {
    }

    /**
     * @param productId the product
     * @param name its name as the latest event gave it, or null
     * @param events how many events named it
     */
    record ProductCount(String productId, String name, long events) {

        /** The same product's events counted elsewhere (another second, another partition) added. */
        ProductCount plus(ProductCount other) {
            return new ProductCount(productId, name != null ? name : other.name, events + other.events);
        }

        /** The most named products, most first, ties by id: every instance picks the same ones. */
        static List<ProductCount> top(Collection<ProductCount> products, int limit) {
            return products.stream()
                    .sorted(Comparator.comparingLong(ProductCount::events).reversed().thenComparing(ProductCount::productId))
                    .limit(limit)
                    .toList();
        }
    }
}
