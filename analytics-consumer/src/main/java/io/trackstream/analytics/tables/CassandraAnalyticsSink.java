package io.trackstream.analytics.tables;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import io.trackstream.analytics.compute.AnalyticsRows;
import io.trackstream.analytics.compute.AnalyticsSink;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;

/**
 * Upserts a task's rows into the analytics tables: statements prepared once, sent asynchronously
 * with a bounded number in flight, and the call returns when all are acknowledged (so a flush that
 * returned is durable). Every row is a full value, so writing it twice is harmless.
 */
final class CassandraAnalyticsSink implements AnalyticsSink {

    private final CqlSession session;
    private final int maxInFlight;
    private final PreparedStatement summary;
    private final PreparedStatement page;
    private final PreparedStatement product;
    private final PreparedStatement country;
    private final PreparedStatement funnelStep;
    private final PreparedStatement topUser;

    CassandraAnalyticsSink(CqlSession session, int maxInFlight) {
        this.session = session;
        this.maxInFlight = maxInFlight;
        summary = session.prepare("INSERT INTO " + AnalyticsTables.SUMMARY + " (granularity, day, window_start, source_partition,"
                + " events, distinct_users, orders, revenue, late_dropped) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        page = session.prepare("INSERT INTO " + AnalyticsTables.PAGES + " (day, source_partition, page, views) VALUES (?, ?, ?, ?)");
        product = session.prepare("INSERT INTO " + AnalyticsTables.PRODUCTS + " (day, source_partition, product_id, name, category,"
                + " views, add_to_cart, purchases, revenue) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        country = session.prepare("INSERT INTO " + AnalyticsTables.GEO + " (day, source_partition, country, events, users, revenue)"
                + " VALUES (?, ?, ?, ?, ?, ?)");
        funnelStep = session.prepare("INSERT INTO " + AnalyticsTables.FUNNEL + " (day, source_partition, step, event_type, users)"
                + " VALUES (?, ?, ?, ?, ?)");
        topUser = session.prepare("INSERT INTO " + AnalyticsTables.TOP_USERS + " (day, source_partition, rank, user_id, events)"
                + " VALUES (?, ?, ?, ?, ?)");
    }

    @Override
    public void write(AnalyticsRows rows) {
        List<BoundStatement> statements = new ArrayList<>(rows.size());
        for (AnalyticsRows.Summary s : rows.summaries()) {
            statements.add(summary.bind(s.granularity(), LocalDate.ofInstant(s.windowStart(), ZoneOffset.UTC), s.windowStart(),
                    s.sourcePartition(), s.events(), s.distinctUsers(), s.orders(), s.revenue(), s.lateDropped()));
        }
        for (AnalyticsRows.Page p : rows.pages()) {
            statements.add(page.bind(p.day(), p.sourcePartition(), p.page(), p.views()));
        }
        for (AnalyticsRows.Product p : rows.products()) {
            statements.add(product.bind(p.day(), p.sourcePartition(), p.productId(), p.name(), p.category(), p.views(),
                    p.addToCart(), p.purchases(), p.revenue()));
        }
        for (AnalyticsRows.Country c : rows.countries()) {
            statements.add(country.bind(c.day(), c.sourcePartition(), c.country(), c.events(), c.users(), c.revenue()));
        }
        for (AnalyticsRows.FunnelStep f : rows.funnelSteps()) {
            statements.add(funnelStep.bind(f.day(), f.sourcePartition(), f.step(), f.eventType(), f.users()));
        }
        for (AnalyticsRows.TopUser u : rows.topUsers()) {
            statements.add(topUser.bind(u.day(), u.sourcePartition(), u.rank(), u.userId(), u.events()));
        }
        executeAll(statements);
    }

    private void executeAll(List<BoundStatement> statements) {
        Semaphore permits = new Semaphore(maxInFlight);
        List<CompletableFuture<?>> pending = new ArrayList<>(statements.size());
        for (BoundStatement statement : statements) {
            permits.acquireUninterruptibly();
            pending.add(session.executeAsync(statement).toCompletableFuture().whenComplete((r, e) -> permits.release()));
        }
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw new IllegalStateException("analytics rows not written to Cassandra: " + e.getCause().getMessage(), e.getCause());
        }
    }
}
