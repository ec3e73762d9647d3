package io.trackstream.dashboard.live;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The whole live picture at one moment, merged from every partition's partial: the body of
 * {@code GET /api/v1/dashboard/snapshot} and of each {@code snapshot} server-sent event.
 *
 * @param at when it was merged (wall clock)
 * @param partitions how many partitions' fresh partials it holds (6 when every partition is counted)
 * @param activeUsers distinct users with an event in the last 5 minutes
 * @param eventsPerSecond events of the last minute (60 complete seconds) per second
 * @param eventsPerSecondByType the same by event type
 * @param conversionRate distinct purchasing users ÷ active users over 5 minutes, in percent, two decimals
 * @param revenue purchases of the last 5 minutes per currency, decimal strings
 * @param topPages most viewed pages of the last 5 minutes
 * @param topProducts products most named by events of the last 5 minutes
 * @param byDevice events of the last 5 minutes by device type
 * @param byCountry events of the last 5 minutes by country
 * @param timeline every complete second of the last 10 minutes, oldest first
 */
public record Snapshot(Instant at, int partitions, long activeUsers, double eventsPerSecond,
        Map<String, Double> eventsPerSecondByType, BigDecimal conversionRate, Map<String, String> revenue,
        List<PageViews> topPages, List<ProductEvents> topProducts, Map<String, Long> byDevice,
        Map<String, Long> byCountry, List<TimelineSecond> timeline) {

    /** @param page the page URL without query; @param views its page views */
    public record PageViews(String page, long views) {
    }

    /** @param productId the product; @param name its name or null; @param events events that named it */
    public record ProductEvents(String productId, String name, long events) {
    }

    /** @param second the second; @param events its events; @param byType its events by type */
    public record TimelineSecond(Instant second, long events, Map<String, Long> byType) {
    }
}
