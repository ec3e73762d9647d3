package io.trackstream.analytics.tables;

/** The tables of migration V002 (module cassandra), written by the sink and read by the API. */
public final class AnalyticsTables {

    public static final String SUMMARY = "analytics_summary";
    public static final String PAGES = "analytics_pages";
    public static final String PRODUCTS = "analytics_products";
    public static final String GEO = "analytics_geo";
    public static final String FUNNEL = "analytics_funnel";
    public static final String TOP_USERS = "analytics_top_users";

    private AnalyticsTables() {
    }
}
