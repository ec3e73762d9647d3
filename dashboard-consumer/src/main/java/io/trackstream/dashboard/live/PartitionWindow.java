package io.trackstream.dashboard.live;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.time.Instant;

/**
 * The window maths of one partition, over the wall clock: the figures of the events whose event
 * time lies in the last N minutes of "now", at a resolution of one second. An event counts in the
 * N-minute figures while its second is one of the last N × 60 seconds up to and including now's
 * (an event stamped 4 min 50 s ago counts in the 5-minute figures, one stamped 5 min 10 s ago does
 * not); a late event older than the 10-minute timeline changes nothing; an event stamped ahead of
 * the clock (a skewed client, at most 5 minutes by the contract) is counted once its second comes.
 *
 * <p>Plain Java with the time passed in, so it is tested with a fixed clock. It is the in-memory
 * index of the processor's stores, which hold the same counts durably (changelogged, committed
 * with the input under exactly-once): each change returns the new value for the processor to
 * write, {@link #expire} returns what to delete, and {@code restore*} rebuild it from the stores.
 */
final class PartitionWindow {

    static final int TIMELINE_SECONDS = 600;
    static final int RECENT_SECONDS = 300;
    static final int RATE_SECONDS = 60;
    /** how many pages and products a partial carries: the merged top 10 is exact unless a page beyond them matters */
    static final int PARTIAL_TOP = 100;

    private final NavigableMap<Long, EnumMap<Dimension, Map<String, Long>>> counts = new TreeMap<>();
    private final NavigableMap<Long, Map<String, BigDecimal>> revenue = new TreeMap<>();
    private final Map<String, UserSeen> users = new HashMap<>();

    /**
     * Counts one event at {@code nowSecond}; returns the store writes that make it durable. An
     * event older than the timeline changes nothing (a late event does not inflate "now"), nor
     * does it make its user active.
     */
    Changes record(String userId, EventFacts facts, long nowSecond) {
        if (facts.second() <= nowSecond - TIMELINE_SECONDS) {
            return Changes.NONE;
        }
        Map<String, Long> counted = new HashMap<>();
        for (CountKey key : facts.counts()) {
            counted.put(key.encode(), add(key));
        }
        Map<String, String> earned = facts.revenue() == null ? Map.of()
                : Map.of(CountKey.revenueKey(facts.second(), facts.currency()),
                        addRevenue(facts.second(), facts.currency(), facts.revenue()).toPlainString());
        UserSeen seen = facts.second() > nowSecond - RECENT_SECONDS ? see(userId, facts.second(), facts.purchase()) : null;
        return new Changes(counted, earned, seen == null ? null : userId, seen);
    }

    private long add(CountKey key) {
        return counts.computeIfAbsent(key.second(), s -> new EnumMap<>(Dimension.class))
                .computeIfAbsent(key.dimension(), d -> new HashMap<>())
                .merge(key.name(), 1L, Long::sum);
    }

    private BigDecimal addRevenue(long second, String currency, BigDecimal amount) {
        return revenue.computeIfAbsent(second, s -> new HashMap<>()).merge(currency, amount, BigDecimal::add);
    }

    /** What the user's entry became, or null when it did not change (an older event of an active user). */
    private UserSeen see(String userId, long second, boolean purchase) {
        UserSeen before = users.get(userId);
        UserSeen after = (before == null ? UserSeen.NEVER : before).seen(second, purchase);
        if (after.equals(before)) {
            return null;
        }
        users.put(userId, after);
        return after;
    }

    void restoreCount(CountKey key, long count) {
        counts.computeIfAbsent(key.second(), s -> new EnumMap<>(Dimension.class))
                .computeIfAbsent(key.dimension(), d -> new HashMap<>())
                .put(key.name(), count);
    }

    void restoreRevenue(long second, String currency, BigDecimal sum) {
        revenue.computeIfAbsent(second, s -> new HashMap<>()).put(currency, sum);
    }

    void restoreUser(String userId, UserSeen seen) {
        users.put(userId, seen);
    }

    /**
     * Forgets what no figure needs any more at {@code nowSecond}: seconds older than the timeline,
     * users not seen in the last 5 minutes.
     */
    Expired expire(long nowSecond) {
        List<String> countKeys = new ArrayList<>();
        List<String> revenueKeys = new ArrayList<>();
        List<String> userIds = new ArrayList<>();
        NavigableMap<Long, EnumMap<Dimension, Map<String, Long>>> oldCounts = counts.headMap(nowSecond - TIMELINE_SECONDS, true);
        oldCounts.forEach((second, byDimension) -> byDimension.forEach((dimension, names) ->
                names.keySet().forEach(name -> countKeys.add(new CountKey(second, dimension, name).encode()))));
        oldCounts.clear();
        NavigableMap<Long, Map<String, BigDecimal>> oldRevenue = revenue.headMap(nowSecond - TIMELINE_SECONDS, true);
        oldRevenue.forEach((second, sums) -> sums.keySet().forEach(currency -> revenueKeys.add(CountKey.revenueKey(second, currency))));
        oldRevenue.clear();
        for (Iterator<Map.Entry<String, UserSeen>> it = users.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, UserSeen> entry = it.next();
            if (!entry.getValue().activeAt(nowSecond)) {
                userIds.add(entry.getKey());
                it.remove();
            }
        }
        return new Expired(countKeys, revenueKeys, userIds);
    }

    /** This partition's figures at {@code nowMs}. */
    Partial partial(int partition, long nowMs) {
        long now = Math.floorDiv(nowMs, 1000);
        long activeUsers = 0;
        long purchasingUsers = 0;
        for (UserSeen seen : users.values()) {
            activeUsers += seen.activeAt(now) ? 1 : 0;
            purchasingUsers += seen.purchasedAt(now) ? 1 : 0;
        }
        List<Partial.SecondCounts> timeline = new ArrayList<>();
        counts.subMap(now - TIMELINE_SECONDS, false, now, true).forEach((second, byDimension) -> {
            Map<String, Long> byType = byDimension.get(Dimension.TYPE);
            if (byType != null) {
                timeline.add(new Partial.SecondCounts(second, Map.copyOf(byType)));
            }
        });
        EnumMap<Dimension, Map<String, Long>> recent = new EnumMap<>(Dimension.class);
        counts.subMap(now - RECENT_SECONDS, false, now, true).values().forEach(byDimension ->
                byDimension.forEach((dimension, names) -> names.forEach((name, n) ->
                        recent.computeIfAbsent(dimension, d -> new HashMap<>()).merge(name, n, Long::sum))));
        Map<String, BigDecimal> recentRevenue = new HashMap<>();
        revenue.subMap(now - RECENT_SECONDS, false, now, true).values().forEach(sums ->
                sums.forEach((currency, sum) -> recentRevenue.merge(currency, sum, BigDecimal::add)));
        return new Partial(partition, Instant.ofEpochMilli(nowMs), activeUsers, purchasingUsers, timeline,
                top(recent.getOrDefault(Dimension.PAGE, Map.of()), PARTIAL_TOP),
                products(recent.getOrDefault(Dimension.PRODUCT, Map.of())),
                recent.getOrDefault(Dimension.DEVICE, Map.of()), recent.getOrDefault(Dimension.COUNTRY, Map.of()),
                recentRevenue);
    }

    /** The most counted entries, most first, ties by name: every instance picks the same ones. */
    static Map<String, Long> top(Map<String, Long> counts, int limit) {
        Map<String, Long> top = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .forEach(e -> top.put(e.getKey(), e.getValue()));
        return top;
    }

    private static List<Partial.ProductCount> products(Map<String, Long> byIdAndName) {
        Map<String, Partial.ProductCount> byId = new HashMap<>();
        byIdAndName.forEach((idAndName, n) -> {
            int cut = idAndName.indexOf(CountKey.PRODUCT_NAME_SEPARATOR);
            String id = cut < 0 ? idAndName : idAndName.substring(0, cut);
            String name = cut < 0 ? null : idAndName.substring(cut + 1);
            byId.merge(id, new Partial.ProductCount(id, name, n), Partial.ProductCount::plus);
        });
        return Partial.ProductCount.top(byId.values(), PARTIAL_TOP);
    }

    /**
     * The store writes of one event.
     *
     * @param counts encoded {@link CountKey}s and their new counts
     * @param revenue {@link CountKey#revenueKey}s and their new sums
     * @param userId the user whose entry changed, or null
     * @param user the user's new entry, or null
     */
    record Changes(Map<String, Long> counts, Map<String, String> revenue, String userId, UserSeen user) {

        static final Changes NONE = new Changes(Map.of(), Map.of(), null, null);
    }

    /**
     * The store keys that {@link #expire} forgot.
     *
     * @param countKeys encoded {@link CountKey}s
     * @param revenueKeys {@link CountKey#revenueKey}s
     * @param userIds users no longer active
     */
    record Expired(List<String> countKeys, List<String> revenueKeys, List<String> userIds) {
    }
}
