package io.trackstream.analytics.compute;

/**
 * Where a task's figures go (the Cassandra tables in the service, a map in tests). A write must be
 * an idempotent upsert of full values: after a crash the task's state is rolled back to its last
 * commit and the same rows are written again. It returns once the rows are durable, or throws (the
 * stream thread is then replaced and the task rewrites everything it holds).
 */
public interface AnalyticsSink {

    void write(AnalyticsRows rows);
}
