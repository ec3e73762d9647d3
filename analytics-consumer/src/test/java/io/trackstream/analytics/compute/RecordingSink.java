package io.trackstream.analytics.compute;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A sink that upserts rows by the tables' primary keys, as Cassandra does, and sums partitions
 * like the API: what a test reads is what the service would serve.
 */
final class RecordingSink implements AnalyticsSink {

    final Map<String, AnalyticsRows.Summary> summaries = new HashMap<>();
    final Map<String, AnalyticsRows.Page> pages = new HashMap<>();
    final Map<String, AnalyticsRows.Product> products = new HashMap<>();
    final Map<String, AnalyticsRows.Country> countries = new HashMap<>();
    final Map<String, AnalyticsRows.FunnelStep> funnel = new HashMap<>();
    final Map<String, AnalyticsRows.TopUser> topUsers = new HashMap<>();
    int writes;

    @Override
    public void write(AnalyticsRows rows) {
        writes++;
        rows.summaries().forEach(r -> summaries.put(r.granularity() + r.windowStart() + "|" + r.sourcePartition(), r));
        rows.pages().forEach(r -> pages.put(r.day() + "|" + r.sourcePartition() + "|" + r.page(), r));
        rows.products().forEach(r -> products.put(r.day() + "|" + r.sourcePartition() + "|" + r.productId(), r));
        rows.countries().forEach(r -> countries.put(r.day() + "|" + r.sourcePartition() + "|" + r.country(), r));
        rows.funnelSteps().forEach(r -> funnel.put(r.day() + "|" + r.sourcePartition() + "|" + r.step(), r));
        rows.topUsers().forEach(r -> topUsers.put(r.day() + "|" + r.sourcePartition() + "|" + r.rank(), r));
    }

    AnalyticsRows.Summary summary(String granularity, String windowStart) {
        Instant start = Instant.parse(windowStart);
        return summaries.values().stream().filter(r -> r.granularity().equals(granularity) && r.windowStart().equals(start))
                .findFirst().orElse(null);
    }

    Map<String, Long> pageViews(String day) {
        Map<String, Long> views = new TreeMap<>();
        pages.values().stream().filter(r -> r.day().equals(LocalDate.parse(day))).forEach(r -> views.merge(r.page(), r.views(), Long::sum));
        return views;
    }

    AnalyticsRows.Product product(String day, String productId) {
        return products.values().stream().filter(r -> r.day().equals(LocalDate.parse(day)) && r.productId().equals(productId))
                .findFirst().orElse(null);
    }

    AnalyticsRows.Country country(String day, String country) {
        return countries.values().stream().filter(r -> r.day().equals(LocalDate.parse(day)) && r.country().equals(country))
                .findFirst().orElse(null);
    }

    List<Long> funnelUsers(String day, int steps) {
        List<Long> users = new ArrayList<>();
        for (int step = 1; step <= steps; step++) {
            int s = step;
            users.add(funnel.values().stream().filter(r -> r.day().equals(LocalDate.parse(day)) && r.step() == s)
                    .mapToLong(AnalyticsRows.FunnelStep::users).sum());
        }
        return users;
    }

    List<String> topUsers(String day) {
        return new TreeMap<>(topUsers).values().stream().filter(r -> r.day().equals(LocalDate.parse(day)))
                .sorted(java.util.Comparator.comparingInt(AnalyticsRows.TopUser::rank))
                .map(r -> r.userId() + "=" + r.events()).toList();
    }

    static BigDecimal usd(Map<String, BigDecimal> revenue) {
        return revenue.get("USD");
    }
}
