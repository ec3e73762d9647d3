package io.trackstream.analytics.tables;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import io.trackstream.analytics.compute.AnalyticsRows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads one day's partition of an analytics table: every table is keyed by the day (and, for the
 * summary, the granularity), so each question is one single-partition query. Rows are read by
 * column name.
 */
final class CassandraRowSource implements RowSource {

    private final CqlSession session;
    private final PreparedStatement summaries;
    private final PreparedStatement pages;
    private final PreparedStatement products;
    private final PreparedStatement countries;
    private final PreparedStatement funnel;
    private final PreparedStatement topUsers;

    CassandraRowSource(CqlSession session) {
        this.session = session;
        summaries = session.prepare("SELECT granularity, window_start, source_partition, events, distinct_users, orders, revenue,"
                + " late_dropped FROM " + AnalyticsTables.SUMMARY + " WHERE granularity = ? AND day = ?");
        pages = session.prepare("SELECT day, source_partition, page, views FROM " + AnalyticsTables.PAGES + " WHERE day = ?");
        products = session.prepare("SELECT day, source_partition, product_id, name, category, views, add_to_cart, purchases,"
                + " revenue FROM " + AnalyticsTables.PRODUCTS + " WHERE day = ?");
        countries = session.prepare("SELECT day, source_partition, country, events, users, revenue FROM "
                + AnalyticsTables.GEO + " WHERE day = ?");
        funnel = session.prepare("SELECT day, source_partition, step, event_type, users FROM " + AnalyticsTables.FUNNEL
                + " WHERE day = ?");
        topUsers = session.prepare("SELECT day, source_partition, rank, user_id, events FROM " + AnalyticsTables.TOP_USERS
                + " WHERE day = ?");
    }

    @Override
    public List<AnalyticsRows.Summary> summaries(String granularity, LocalDate day) {
        List<AnalyticsRows.Summary> rows = new ArrayList<>();
        for (Row r : session.execute(summaries.bind(granularity, day))) {
            rows.add(new AnalyticsRows.Summary(r.getString("granularity"), r.getInstant("window_start"),
                    r.getInt("source_partition"), r.getMap("events", String.class, Long.class), r.getLong("distinct_users"),
                    r.getMap("orders", String.class, Long.class), money(r), r.getLong("late_dropped")));
        }
        return rows;
    }

    @Override
    public List<AnalyticsRows.Page> pages(LocalDate day) {
        return read(pages, day, r -> new AnalyticsRows.Page(r.getLocalDate("day"), r.getInt("source_partition"),
                r.getString("page"), r.getLong("views")));
    }

    @Override
    public List<AnalyticsRows.Product> products(LocalDate day) {
        return read(products, day, r -> new AnalyticsRows.Product(r.getLocalDate("day"), r.getInt("source_partition"),
                r.getString("product_id"), r.getString("name"), r.getString("category"), r.getLong("views"),
                r.getLong("add_to_cart"), r.getLong("purchases"), money(r)));
    }

    @Override
    public List<AnalyticsRows.Country> countries(LocalDate day) {
        return read(countries, day, r -> new AnalyticsRows.Country(r.getLocalDate("day"), r.getInt("source_partition"),
                r.getString("country"), r.getLong("events"), r.getLong("users"), money(r)));
    }

    @Override
    public List<AnalyticsRows.FunnelStep> funnelSteps(LocalDate day) {
        return read(funnel, day, r -> new AnalyticsRows.FunnelStep(r.getLocalDate("day"), r.getInt("source_partition"),
                r.getInt("step"), r.getString("event_type"), r.getLong("users")));
    }

    @Override
    public List<AnalyticsRows.TopUser> topUsers(LocalDate day) {
        return read(topUsers, day, r -> new AnalyticsRows.TopUser(r.getLocalDate("day"), r.getInt("source_partition"),
                r.getInt("rank"), r.getString("user_id"), r.getLong("events")));
    }

    private static Map<String, BigDecimal> money(Row row) {
        return row.getMap("revenue", String.class, BigDecimal.class);
    }

    private <T> List<T> read(PreparedStatement statement, LocalDate day, Function<Row, T> map) {
        List<T> rows = new ArrayList<>();
        for (Row row : session.execute(statement.bind(day))) {
            rows.add(map.apply(row));
        }
        return rows;
    }
}
