package io.trackstream.analytics.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The analytics API's answers; the mapper writes them in snake_case, money as decimal strings per currency. */
final class Responses {

    private Responses() {
    }

    record Summary(String granularity, List<Bucket> buckets) {
    }

    /**
     * @param lateDropped events that came after this window closed and are not counted in it
     */
    record Bucket(Instant start, Map<String, Long> events, long distinctUsers, long orders, Map<String, String> revenue,
                  Map<String, String> aov, long lateDropped) {
    }

    record TopPages(LocalDate date, List<PageViews> pages) {
    }

    record PageViews(String page, long views) {
    }

    record Products(LocalDate date, List<ProductFigures> products) {
    }

    record ProductFigures(String productId, String name, String category, long views, long addToCart, long purchases,
                          Map<String, String> revenue) {
    }

    record Funnel(LocalDate date, List<FunnelStep> steps) {
    }

    /** Conversions in percent with two decimals. */
    record FunnelStep(String eventType, long users, BigDecimal conversionFromPrevious, BigDecimal conversionFromFirst) {
    }

    record Geo(LocalDate date, List<CountryFigures> countries) {
    }

    record CountryFigures(String country, long events, long users, Map<String, String> revenue) {
    }

    record TopUsers(LocalDate date, List<UserEvents> users) {
    }

    record UserEvents(String userId, long events) {
    }
}
