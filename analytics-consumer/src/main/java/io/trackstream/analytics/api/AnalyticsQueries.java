package io.trackstream.analytics.api;

import io.trackstream.analytics.compute.AnalyticsRows;
import io.trackstream.analytics.compute.Money;
import io.trackstream.analytics.tables.RowSource;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Answers the analytics questions by summing each window's per-partition rows. Exact: every
 * partition's figures cover disjoint users, so sums of counts, of distinct users and of amounts are
 * the global figures, and the partitions' most-active lists merge into the global one.
 */
final class AnalyticsQueries {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final RowSource rows;
    private final List<String> funnelSteps;

    AnalyticsQueries(RowSource rows, List<String> funnelSteps) {
        this.rows = rows;
        this.funnelSteps = funnelSteps;
    }

    /** Every bucket of {@code [start, end)}, empty ones with zeros. */
    Responses.Summary summary(String granularity, Instant start, Instant end) {
        Duration step = "hour".equals(granularity) ? Duration.ofHours(1) : Duration.ofDays(1);
        Map<Instant, List<AnalyticsRows.Summary>> byWindow = new HashMap<>();
        LocalDate lastDay = LocalDate.ofInstant(end.minusMillis(1), ZoneOffset.UTC);
        for (LocalDate day = LocalDate.ofInstant(start, ZoneOffset.UTC); !day.isAfter(lastDay); day = day.plusDays(1)) {
            rows.summaries(granularity, day).forEach(r -> byWindow.computeIfAbsent(r.windowStart(), w -> new ArrayList<>()).add(r));
        }
        List<Responses.Bucket> buckets = new ArrayList<>();
        for (Instant window = start; window.isBefore(end); window = window.plus(step)) {
            buckets.add(bucket(window, byWindow.getOrDefault(window, List.of())));
        }
        return new Responses.Summary(granularity, buckets);
    }

    private static Responses.Bucket bucket(Instant start, List<AnalyticsRows.Summary> partitions) {
        Map<String, Long> events = new TreeMap<>();
        Map<String, Long> orders = new TreeMap<>();
        Map<String, BigDecimal> revenue = new TreeMap<>();
        long users = 0;
        long late = 0;
        for (AnalyticsRows.Summary s : partitions) {
            s.events().forEach((type, n) -> events.merge(type, n, Long::sum));
            s.orders().forEach((currency, n) -> orders.merge(currency, n, Long::sum));
            s.revenue().forEach((currency, amount) -> revenue.merge(currency, amount, BigDecimal::add));
            users += s.distinctUsers();
            late += s.lateDropped();
        }
        Map<String, BigDecimal> aov = new TreeMap<>();
        revenue.forEach((currency, amount) -> aov.put(currency, Money.average(amount, orders.getOrDefault(currency, 0L))));
        long orderCount = orders.values().stream().mapToLong(Long::longValue).sum();
        return new Responses.Bucket(start, events, users, orderCount, Money.asText(revenue), Money.asText(aov), late);
    }

    Responses.TopPages topPages(LocalDate date, int limit) {
        Map<String, Long> views = new HashMap<>();
        rows.pages(date).forEach(p -> views.merge(p.page(), p.views(), Long::sum));
        List<Responses.PageViews> pages = views.entrySet().stream()
                .map(e -> new Responses.PageViews(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(Responses.PageViews::views).reversed().thenComparing(Responses.PageViews::page))
                .limit(limit).toList();
        return new Responses.TopPages(date, pages);
    }

    /** {@code sort}: revenue (the sum of the amounts over currencies), views or purchases; most first. */
    Responses.Products products(LocalDate date, String sort, int limit) {
        Map<String, List<AnalyticsRows.Product>> byId = rows.products(date).stream()
                .collect(Collectors.groupingBy(AnalyticsRows.Product::productId, LinkedHashMap::new, Collectors.toList()));
        Map<Responses.ProductFigures, BigDecimal> totals = new HashMap<>();
        List<Responses.ProductFigures> products = new ArrayList<>();
        byId.forEach((id, parts) -> {
            Map<String, BigDecimal> revenue = sumMoney(parts, AnalyticsRows.Product::revenue);
            String name = parts.stream().map(AnalyticsRows.Product::name).filter(n -> n != null).findFirst().orElse(null);
            String category = parts.stream().map(AnalyticsRows.Product::category).filter(c -> c != null).findFirst().orElse(null);
            Responses.ProductFigures figures = new Responses.ProductFigures(id, name, category,
                    parts.stream().mapToLong(AnalyticsRows.Product::views).sum(),
                    parts.stream().mapToLong(AnalyticsRows.Product::addToCart).sum(),
                    parts.stream().mapToLong(AnalyticsRows.Product::purchases).sum(), Money.asText(revenue));
            totals.put(figures, revenue.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
            products.add(figures);
        });
        Comparator<Responses.ProductFigures> order = switch (sort) {
            case "views" -> Comparator.comparingLong(Responses.ProductFigures::views).reversed();
            case "purchases" -> Comparator.comparingLong(Responses.ProductFigures::purchases).reversed();
            default -> Comparator.comparing((Responses.ProductFigures p) -> totals.get(p)).reversed();
        };
        products.sort(order.thenComparing(Responses.ProductFigures::productId));
        return new Responses.Products(date, products.stream().limit(limit).toList());
    }

    /** The configured steps in order; conversions in percent, two decimals, half up (0 when the earlier step had none). */
    Responses.Funnel funnel(LocalDate date) {
        long[] users = new long[funnelSteps.size()];
        for (AnalyticsRows.FunnelStep row : rows.funnelSteps(date)) {
            if (row.step() >= 1 && row.step() <= users.length) {
                users[row.step() - 1] += row.users();
            }
        }
        List<Responses.FunnelStep> steps = new ArrayList<>();
        for (int i = 0; i < users.length; i++) {
            steps.add(new Responses.FunnelStep(funnelSteps.get(i), users[i],
                    percent(users[i], i == 0 ? users[0] : users[i - 1]), percent(users[i], users[0])));
        }
        return new Responses.Funnel(date, steps);
    }

    static BigDecimal percent(long part, long whole) {
        if (whole == 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }

    /** Countries by events, most first. */
    Responses.Geo geo(LocalDate date) {
        Map<String, List<AnalyticsRows.Country>> byCountry = rows.countries(date).stream()
                .collect(Collectors.groupingBy(AnalyticsRows.Country::country));
        List<Responses.CountryFigures> countries = byCountry.entrySet().stream()
                .map(e -> new Responses.CountryFigures(e.getKey(),
                        e.getValue().stream().mapToLong(AnalyticsRows.Country::events).sum(),
                        e.getValue().stream().mapToLong(AnalyticsRows.Country::users).sum(),
                        Money.asText(sumMoney(e.getValue(), AnalyticsRows.Country::revenue))))
                .sorted(Comparator.comparingLong(Responses.CountryFigures::events).reversed()
                        .thenComparing(Responses.CountryFigures::country))
                .toList();
        return new Responses.Geo(date, countries);
    }

    /** Most events first, ties by user id (the order each partition ranks by). */
    Responses.TopUsers topUsers(LocalDate date, int limit) {
        List<Responses.UserEvents> users = rows.topUsers(date).stream()
                .map(u -> new Responses.UserEvents(u.userId(), u.events()))
                .sorted(Comparator.comparingLong(Responses.UserEvents::events).reversed().thenComparing(Responses.UserEvents::userId))
                .limit(limit).toList();
        return new Responses.TopUsers(date, users);
    }

    private static <T> Map<String, BigDecimal> sumMoney(List<T> parts, Function<T, Map<String, BigDecimal>> money) {
        Map<String, BigDecimal> sum = new TreeMap<>();
        parts.forEach(p -> money.apply(p).forEach((currency, amount) -> sum.merge(currency, amount, BigDecimal::add)));
        return sum;
    }
}
