package io.trackstream.dashboard.live;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Merges the partitions' partials into the global {@link Snapshot}. The 5-minute figures include
 * the current second (an event shows at once); the events per second and the timeline are those of
 * the last 60 and 600 seconds that every partial saw whole, so 600 events in the last minute read 10.0/s at any point
 * of the current second. Users live in one partition
 * each, so distinct counts add up; the timeline is merged by absolute second, so partials computed
 * a fraction of a second apart line up. A partial older than the staleness bound (its partition's
 * task stopped publishing: a crash, a rebalance) is left out rather than shown frozen.
 */
final class Snapshots {

    private Snapshots() {
    }

    static Snapshot merge(Collection<Partial> partials, Instant now, Duration staleAfter, int top) {
        long nowSecond = Math.floorDiv(now.toEpochMilli(), 1000);
        Instant oldest = now.minus(staleAfter);
        long activeUsers = 0;
        long purchasingUsers = 0;
        Map<Long, Map<String, Long>> seconds = new HashMap<>();
        Map<String, Long> pages = new HashMap<>();
        Map<String, Partial.ProductCount> products = new HashMap<>();
        Map<String, Long> devices = new HashMap<>();
        Map<String, Long> countries = new HashMap<>();
        Map<String, BigDecimal> revenue = new TreeMap<>();
        int fresh = 0;
        long end = nowSecond;
        for (Partial partial : partials) {
            if (partial.at().isBefore(oldest)) {
                continue;
            }
            fresh++;
            end = Math.min(end, Math.floorDiv(partial.at().toEpochMilli(), 1000));
            activeUsers += partial.activeUsers();
            purchasingUsers += partial.purchasingUsers();
            partial.timeline().forEach(s -> s.byType().forEach((type, n) ->
                    seconds.computeIfAbsent(s.second(), k -> new HashMap<>()).merge(type, n, Long::sum)));
            partial.pages().forEach((page, n) -> pages.merge(page, n, Long::sum));
            partial.products().forEach(p -> products.merge(p.productId(), p, Partial.ProductCount::plus));
            partial.devices().forEach((device, n) -> devices.merge(device, n, Long::sum));
            partial.countries().forEach((country, n) -> countries.merge(country, n, Long::sum));
            partial.revenue().forEach((currency, sum) -> revenue.merge(currency, sum, BigDecimal::add));
        }

        List<Snapshot.TimelineSecond> timeline = new ArrayList<>(PartitionWindow.TIMELINE_SECONDS);
        Map<String, Long> lastMinute = new TreeMap<>();
        long lastMinuteTotal = 0;
        // The timeline and the rates end with the last second complete in every partial: a second
        // still under way when a partition published (up to a second before now) would read low,
        // and the rate would dip at the start of every second.
        for (long second = end - PartitionWindow.TIMELINE_SECONDS; second < end; second++) {
            Map<String, Long> byType = new TreeMap<>(seconds.getOrDefault(second, Map.of()));
            long events = byType.values().stream().mapToLong(Long::longValue).sum();
            timeline.add(new Snapshot.TimelineSecond(Instant.ofEpochSecond(second), events, byType));
            if (second >= end - PartitionWindow.RATE_SECONDS) {
                lastMinuteTotal += events;
                byType.forEach((type, n) -> lastMinute.merge(type, n, Long::sum));
            }
        }
        Map<String, Double> perSecondByType = new LinkedHashMap<>();
        lastMinute.forEach((type, n) -> perSecondByType.put(type, perSecond(n)));
        Map<String, String> money = new LinkedHashMap<>();
        revenue.forEach((currency, sum) -> money.put(currency, sum.toPlainString()));

        return new Snapshot(now, fresh, activeUsers, perSecond(lastMinuteTotal), perSecondByType,
                conversion(purchasingUsers, activeUsers), money,
                PartitionWindow.top(pages, top).entrySet().stream()
                        .map(e -> new Snapshot.PageViews(e.getKey(), e.getValue())).toList(),
                Partial.ProductCount.top(products.values(), top).stream()
                        .map(p -> new Snapshot.ProductEvents(p.productId(), p.name(), p.events())).toList(),
                PartitionWindow.top(devices, Integer.MAX_VALUE), PartitionWindow.top(countries, Integer.MAX_VALUE), timeline);
    }

    /** An empty picture, before the first partial arrives (or while Kafka Streams starts). */
    static Snapshot empty(Instant now) {
        return merge(List.of(), now, Duration.ZERO, 0);
    }

    private static double perSecond(long eventsInAMinute) {
        return BigDecimal.valueOf(eventsInAMinute).divide(BigDecimal.valueOf(PartitionWindow.RATE_SECONDS), 2, RoundingMode.HALF_UP)
                .doubleValue();
    }

    private static BigDecimal conversion(long purchasing, long active) {
        if (active == 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return BigDecimal.valueOf(purchasing * 100).divide(BigDecimal.valueOf(active), 2, RoundingMode.HALF_UP);
    }
}
