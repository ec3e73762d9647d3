package io.trackstream.analytics.truth;

import io.trackstream.model.EventCodec;
import io.trackstream.model.UserActivityEvent;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The independent recomputation of every analytics figure: a plain fold over the topic's records,
 * partition by partition in offset order, written from the rules and the engine's
 * documented semantics, sharing no code with the topology: dedup by {@code event_id} (within the
 * horizon); stream time = the largest event time seen so far in the partition; an event whose
 * hour or day window ended at least the grace before the stream time is not counted in it, but in
 * that window's {@code late_dropped}. Its answers have the API's JSON shape as plain maps and lists.
 */
final class TopicFold {

    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final long graceMs;
    private final long horizonMs;
    private final List<String> funnelSteps;
    private final EventCodec codec = EventCodec.create();

    private final Map<Instant, Window> hours = new HashMap<>();
    private final Map<Instant, Window> days = new HashMap<>();
    private final Map<LocalDate, Map<String, Long>> pageViews = new HashMap<>();
    private final Map<LocalDate, Map<String, Product>> products = new HashMap<>();
    private final Map<LocalDate, Map<String, Country>> countries = new HashMap<>();
    private final Map<LocalDate, Map<String, Integer>> funnelProgress = new HashMap<>();
    private final Map<LocalDate, Map<String, Long>> userEvents = new HashMap<>();
    int undecodable;
    int duplicates;

    private long streamTime = Long.MIN_VALUE;
    private final Map<String, List<Long>> seenIds = new HashMap<>();

    TopicFold(Duration grace, Duration dedupHorizon, List<String> funnelSteps) {
        this.graceMs = grace.toMillis();
        this.horizonMs = dedupHorizon.toMillis();
        this.funnelSteps = funnelSteps;
    }

    private static final class Window {
        final Map<String, Long> events = new TreeMap<>();
        final Set<String> users = new HashSet<>();
        final Map<String, Long> orders = new TreeMap<>();
        final Map<String, BigDecimal> revenue = new TreeMap<>();
        long late;
    }

    private static final class Product {
        String name;
        String category;
        long views;
        long carts;
        long purchases;
        final Map<String, BigDecimal> revenue = new TreeMap<>();
    }

    private static final class Country {
        long events;
        final Set<String> users = new HashSet<>();
        final Map<String, BigDecimal> revenue = new TreeMap<>();
    }

    /** Starts the next partition: stream time and the dedup memory are per partition. */
    void nextPartition() {
        streamTime = Long.MIN_VALUE;
        seenIds.clear();
    }

    void add(byte[] value) {
        EventCodec.Decoded decoded = codec.decodeRecord(value);
        if (decoded.event() == null || !decoded.violations().isEmpty()) {
            undecodable++;
            return;
        }
        UserActivityEvent e = decoded.event();
        long t = e.timestamp().toEpochMilli();
        List<Long> times = seenIds.computeIfAbsent(e.eventId(), id -> new ArrayList<>());
        if (times.stream().anyMatch(seen -> Math.abs(seen - t) <= horizonMs)) {
            duplicates++;
            return;
        }
        times.add(t);
        streamTime = Math.max(streamTime, t);

        Instant hour = e.timestamp().truncatedTo(ChronoUnit.HOURS);
        Instant dayStart = e.timestamp().truncatedTo(ChronoUnit.DAYS);
        boolean hourCounts = hour.toEpochMilli() + Duration.ofHours(1).toMillis() > streamTime - graceMs;
        boolean dayCounts = dayStart.toEpochMilli() + Duration.ofDays(1).toMillis() > streamTime - graceMs;
        if (!hourCounts) {
            hours.computeIfAbsent(hour, h -> new Window()).late++;
        }
        if (!dayCounts) {
            days.computeIfAbsent(dayStart, d -> new Window()).late++;
            return;
        }
        boolean purchase = "purchase".equals(e.eventType());
        BigDecimal amount = purchase ? amountOf(e) : null;
        String currency = e.properties() != null && e.properties().currency() != null ? e.properties().currency() : "USD";
        if (hourCounts) {
            count(hours.computeIfAbsent(hour, h -> new Window()), e, amount, currency);
        }
        count(days.computeIfAbsent(dayStart, d -> new Window()), e, amount, currency);

        LocalDate day = LocalDate.ofInstant(dayStart, ZoneOffset.UTC);
        userEvents.computeIfAbsent(day, d -> new HashMap<>()).merge(e.userId(), 1L, Long::sum);
        Map<String, Integer> progress = funnelProgress.computeIfAbsent(day, d -> new HashMap<>());
        int done = progress.getOrDefault(e.userId(), 0);
        if (done < funnelSteps.size() && funnelSteps.get(done).equals(e.eventType())) {
            progress.put(e.userId(), done + 1);
        }
        if ("page_view".equals(e.eventType()) && e.pageUrl() != null) {
            pageViews.computeIfAbsent(day, d -> new HashMap<>()).merge(pathOf(e.pageUrl()), 1L, Long::sum);
        }
        String productId = e.properties() == null ? null : e.properties().productId();
        if (productId != null && (purchase || "page_view".equals(e.eventType()) || "add_to_cart".equals(e.eventType()))) {
            Product p = products.computeIfAbsent(day, d -> new HashMap<>()).computeIfAbsent(productId, id -> new Product());
            p.name = e.properties().productName() != null ? e.properties().productName() : p.name;
            p.category = e.properties().category() != null ? e.properties().category() : p.category;
            if ("page_view".equals(e.eventType())) {
                p.views++;
            } else if ("add_to_cart".equals(e.eventType())) {
                p.carts++;
            } else {
                p.purchases++;
                p.revenue.merge(currency, amount, BigDecimal::add);
            }
        }
        if (e.location() != null && e.location().country() != null) {
            Country c = countries.computeIfAbsent(day, d -> new HashMap<>()).computeIfAbsent(e.location().country(), k -> new Country());
            c.events++;
            c.users.add(e.userId());
            if (purchase) {
                c.revenue.merge(currency, amount, BigDecimal::add);
            }
        }
    }

    private static void count(Window w, UserActivityEvent e, BigDecimal amount, String currency) {
        w.events.merge(e.eventType(), 1L, Long::sum);
        w.users.add(e.userId());
        if (amount != null) {
            w.orders.merge(currency, 1L, Long::sum);
            w.revenue.merge(currency, amount, BigDecimal::add);
        }
    }

    private static BigDecimal amountOf(UserActivityEvent e) {
        var p = e.properties();
        if (p == null) {
            return BigDecimal.ZERO;
        }
        if (p.cartValue() != null) {
            return p.cartValue();
        }
        return p.price() == null ? BigDecimal.ZERO : p.price().multiply(BigDecimal.valueOf(p.quantity() == null ? 1 : p.quantity()));
    }

    private static String pathOf(String url) {
        String path = url.split("[?#]", 2)[0];
        int scheme = path.indexOf("://");
        if (scheme >= 0) {
            int slash = path.indexOf('/', scheme + 3);
            path = slash < 0 ? "/" : path.substring(slash);
        }
        return path.isEmpty() ? "/" : path;
    }

    /** The days that hold counted events. */
    Set<LocalDate> days() {
        Set<LocalDate> result = new java.util.TreeSet<>();
        days.keySet().forEach(d -> result.add(LocalDate.ofInstant(d, ZoneOffset.UTC)));
        return result;
    }

    long countedEvents() {
        return days.values().stream().flatMap(w -> w.events.values().stream()).mapToLong(Long::longValue).sum();
    }

    long lateDropped(String granularity) {
        return ("hour".equals(granularity) ? hours : days).values().stream().mapToLong(w -> w.late).sum();
    }

    Map<String, Object> summary(String granularity, Instant from, Instant to) {
        Duration step = "hour".equals(granularity) ? Duration.ofHours(1) : Duration.ofDays(1);
        Map<Instant, Window> windows = "hour".equals(granularity) ? hours : days;
        List<Object> buckets = new ArrayList<>();
        for (Instant start = from; start.isBefore(to); start = start.plus(step)) {
            Window w = windows.getOrDefault(start, new Window());
            Map<String, Object> aov = new TreeMap<>();
            w.revenue.forEach((currency, amount) -> {
                long orders = w.orders.getOrDefault(currency, 0L);
                aov.put(currency, (orders == 0 ? BigDecimal.ZERO.setScale(2)
                        : amount.divide(BigDecimal.valueOf(orders), Math.max(2, amount.scale()), RoundingMode.HALF_UP)).toPlainString());
            });
            buckets.add(map("start", INSTANT.format(start), "events", w.events, "distinct_users", w.users.size(),
                    "orders", w.orders.values().stream().mapToLong(Long::longValue).sum(), "revenue", text(w.revenue),
                    "aov", aov, "late_dropped", w.late));
        }
        return map("granularity", granularity, "buckets", buckets);
    }

    Map<String, Object> topPages(LocalDate day) {
        List<Object> pages = pageViews.getOrDefault(day, Map.of()).entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(100).map(e -> (Object) map("page", e.getKey(), "views", e.getValue())).toList();
        return map("date", day.toString(), "pages", pages);
    }

    Map<String, Object> productsByViews(LocalDate day) {
        List<Object> list = products.getOrDefault(day, Map.of()).entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, Product> e) -> -e.getValue().views).thenComparing(Map.Entry::getKey))
                .limit(100).map(e -> {
                    Product p = e.getValue();
                    Map<String, Object> m = map("product_id", e.getKey(), "views", p.views, "add_to_cart", p.carts,
                            "purchases", p.purchases, "revenue", text(p.revenue));
                    if (p.name != null) {
                        m.put("name", p.name);
                    }
                    if (p.category != null) {
                        m.put("category", p.category);
                    }
                    return (Object) m;
                }).toList();
        return map("date", day.toString(), "products", list);
    }

    Map<String, Object> funnel(LocalDate day) {
        Map<String, Integer> progress = funnelProgress.getOrDefault(day, Map.of());
        List<Object> steps = new ArrayList<>();
        long first = 0;
        long previous = 0;
        for (int k = 1; k <= funnelSteps.size(); k++) {
            int step = k;
            long users = progress.values().stream().filter(done -> done >= step).count();
            if (k == 1) {
                first = users;
                previous = users;
            }
            steps.add(map("event_type", funnelSteps.get(k - 1), "users", users,
                    "conversion_from_previous", percent(users, previous), "conversion_from_first", percent(users, first)));
            previous = users;
        }
        return map("date", day.toString(), "steps", steps);
    }

    private static BigDecimal percent(long part, long whole) {
        return whole == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }

    Map<String, Object> geo(LocalDate day) {
        List<Object> list = countries.getOrDefault(day, Map.of()).entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, Country> e) -> -e.getValue().events).thenComparing(Map.Entry::getKey))
                .map(e -> (Object) map("country", e.getKey(), "events", e.getValue().events, "users", e.getValue().users.size(),
                        "revenue", text(e.getValue().revenue)))
                .toList();
        return map("date", day.toString(), "countries", list);
    }

    Map<String, Object> topUsers(LocalDate day) {
        List<Object> users = userEvents.getOrDefault(day, Map.of()).entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(100).map(e -> (Object) map("user_id", e.getKey(), "events", e.getValue())).toList();
        return map("date", day.toString(), "users", users);
    }

    private static Map<String, String> text(Map<String, BigDecimal> money) {
        Map<String, String> text = new TreeMap<>();
        money.forEach((currency, amount) -> text.put(currency, amount.toPlainString()));
        return text;
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
