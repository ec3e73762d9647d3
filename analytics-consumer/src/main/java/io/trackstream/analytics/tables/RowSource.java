package io.trackstream.analytics.tables;

import io.trackstream.analytics.compute.AnalyticsRows;

import java.time.LocalDate;
import java.util.List;

/** The stored per-partition rows of one day (of every partition); the API sums them. */
public interface RowSource {

    /** The hours ({@code hour}) or the day ({@code day}) of one UTC day. */
    List<AnalyticsRows.Summary> summaries(String granularity, LocalDate day);

    List<AnalyticsRows.Page> pages(LocalDate day);

    List<AnalyticsRows.Product> products(LocalDate day);

    List<AnalyticsRows.Country> countries(LocalDate day);

    List<AnalyticsRows.FunnelStep> funnelSteps(LocalDate day);

    List<AnalyticsRows.TopUser> topUsers(LocalDate day);
}
