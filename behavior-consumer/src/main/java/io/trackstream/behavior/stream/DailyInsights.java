package io.trackstream.behavior.stream;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A day's insights, the sum of its partitions' partials, and the questions the API asks of it. Top
 * lists rank by count, then by name, so equal counts always come in the same order.
 */
public final class DailyInsights {

    private final DailyPartial total;

    private DailyInsights(DailyPartial total) {
        this.total = total;
    }

    public static DailyInsights merge(String day, List<DailyPartial> partials) {
        DailyPartial t = DailyPartial.empty(day, -1);
        for (DailyPartial p : partials) {
            t.sessions += p.sessions;
            t.converted += p.converted;
            t.withCart += p.withCart;
            t.cartAbandoned += p.cartAbandoned;
            p.paths.forEach((k, v) -> t.paths.merge(k, v, Long::sum));
            p.transitions.forEach((k, v) -> t.transitions.merge(k, v, Long::sum));
            p.views.forEach((k, v) -> t.views.merge(k, v, Long::sum));
            p.exits.forEach((k, v) -> t.exits.merge(k, v, Long::sum));
            t.users.putAll(p.users);
            p.timeToPurchaseS.forEach((k, v) -> t.timeToPurchaseS.merge(k, v, Long::sum));
            t.timeToPurchaseSumMs += p.timeToPurchaseSumMs;
        }
        return new DailyInsights(t);
    }

    public long sessions() {
        return total.sessions;
    }

    /** The most common journeys (first five pages), at most {@code limit}. */
    public List<Map.Entry<String, Long>> topPaths(int limit) {
        return top(total.paths, limit);
    }

    public List<Map.Entry<String, Long>> topTransitions(int limit) {
        return top(total.transitions, limit);
    }

    /** Exit pages of sessions without a purchase, with exits, views and exit rate (exits ÷ views), top {@code limit} by exits. */
    public List<Dropoff> dropoffs(int limit) {
        return top(total.exits, limit).stream().map(e -> {
            long views = total.views.getOrDefault(e.getKey(), 0L);
            BigDecimal rate = views == 0 ? BigDecimal.ONE
                    : BigDecimal.valueOf(e.getValue()).divide(BigDecimal.valueOf(views), 4, RoundingMode.HALF_EVEN);
            return new Dropoff(e.getKey(), e.getValue(), views, rate);
        }).toList();
    }

    public long sessionsWithCart() {
        return total.withCart;
    }

    public long cartAbandoned() {
        return total.cartAbandoned;
    }

    /** Sessions with an add_to_cart and no purchase ÷ sessions with an add_to_cart; 0 without any. */
    public BigDecimal cartAbandonment() {
        return total.withCart == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(total.cartAbandoned).divide(BigDecimal.valueOf(total.withCart), 4, RoundingMode.HALF_EVEN);
    }

    /** Users per segment and each segment's sessions by device type, for users active that day. */
    public Map<String, SegmentFigures> segments() {
        Map<String, SegmentFigures> out = new TreeMap<>();
        total.users.values().forEach(u -> {
            SegmentFigures f = out.computeIfAbsent(u.segment, s -> new SegmentFigures(0, new TreeMap<>()));
            Map<String, Long> devices = f.sessionsByDevice();
            u.devices.forEach((k, v) -> devices.merge(k, v, Long::sum));
            out.put(u.segment, new SegmentFigures(f.users() + 1, devices));
        });
        return out;
    }

    /** Session start to first purchase over the day's converted sessions; null percentiles without any. */
    public TimeToPurchase timeToPurchase() {
        return new TimeToPurchase(total.converted, percentile(0.5), percentile(0.9),
                total.converted == 0 ? null : BigDecimal.valueOf(total.timeToPurchaseSumMs)
                        .divide(BigDecimal.valueOf(total.converted * 1000), 3, RoundingMode.HALF_EVEN));
    }

    // nearest rank over whole seconds
    private Long percentile(double q) {
        long n = total.converted;
        if (n == 0) {
            return null;
        }
        long rank = (long) Math.ceil(q * n);
        long seen = 0;
        for (Map.Entry<Long, Long> e : total.timeToPurchaseS.entrySet()) {
            seen += e.getValue();
            if (seen >= rank) {
                return e.getKey();
            }
        }
        return null;
    }

    static List<Map.Entry<String, Long>> top(Map<String, Long> counts, int limit) {
        List<Map.Entry<String, Long>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
        Map<String, Long> kept = new LinkedHashMap<>();
        entries.stream().limit(limit).forEach(e -> kept.put(e.getKey(), e.getValue()));
        return List.copyOf(kept.entrySet());
    }

    /** One exit page: exits without a purchase, views of the page that day, and their ratio. */
    public record Dropoff(String page, long exits, long views, BigDecimal exitRate) {
    }

    /** One segment's size and its sessions by device type. */
    public record SegmentFigures(long users, Map<String, Long> sessionsByDevice) {
    }

    /** Converted sessions, p50 and p90 in whole seconds, the mean in seconds. */
    public record TimeToPurchase(long purchasingSessions, Long p50S, Long p90S, BigDecimal meanS) {
    }
}
