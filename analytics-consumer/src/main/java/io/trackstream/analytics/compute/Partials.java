package io.trackstream.analytics.compute;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** Pure updates of the partial figures (new values, never mutation of stored ones). */
final class Partials {

    static final Map<String, BigDecimal> NO_MONEY = Map.of();

    private Partials() {
    }

    static AnalyticsRows.Summary emptySummary(String granularity, long windowStart, int partition) {
        return new AnalyticsRows.Summary(granularity, Instant.ofEpochMilli(windowStart), partition, Map.of(), 0, Map.of(), NO_MONEY, 0);
    }

    static AnalyticsRows.Summary withLate(AnalyticsRows.Summary s) {
        return new AnalyticsRows.Summary(s.granularity(), s.windowStart(), s.sourcePartition(), s.events(),
                s.distinctUsers(), s.orders(), s.revenue(), s.lateDropped() + 1);
    }

    static AnalyticsRows.Summary plus(AnalyticsRows.Summary s, EventFacts facts, boolean newUser) {
        Map<String, Long> events = new TreeMap<>(s.events());
        events.merge(facts.eventType(), 1L, Long::sum);
        Map<String, Long> orders = s.orders();
        Map<String, BigDecimal> revenue = s.revenue();
        if (facts.purchase()) {
            orders = new TreeMap<>(orders);
            orders.merge(facts.currency(), 1L, Long::sum);
            revenue = addMoney(revenue, facts);
        }
        return new AnalyticsRows.Summary(s.granularity(), s.windowStart(), s.sourcePartition(), events,
                s.distinctUsers() + (newUser ? 1 : 0), orders, revenue, s.lateDropped());
    }

    static AnalyticsRows.Country plus(AnalyticsRows.Country c, EventFacts facts, boolean newUser) {
        return new AnalyticsRows.Country(c.day(), c.sourcePartition(), c.country(), c.events() + 1,
                c.users() + (newUser ? 1 : 0), facts.purchase() ? addMoney(c.revenue(), facts) : c.revenue());
    }

    static AnalyticsRows.Product plus(AnalyticsRows.Product p, EventFacts facts, boolean view, boolean cart) {
        return new AnalyticsRows.Product(p.day(), p.sourcePartition(), p.productId(),
                facts.productName() != null ? facts.productName() : p.name(),
                facts.category() != null ? facts.category() : p.category(),
                p.views() + (view ? 1 : 0), p.addToCart() + (cart ? 1 : 0), p.purchases() + (facts.purchase() ? 1 : 0),
                facts.purchase() ? addMoney(p.revenue(), facts) : p.revenue());
    }

    private static Map<String, BigDecimal> addMoney(Map<String, BigDecimal> revenue, EventFacts facts) {
        Map<String, BigDecimal> sum = new TreeMap<>(revenue);
        sum.merge(facts.currency(), facts.amount(), BigDecimal::add);
        return sum;
    }
}
