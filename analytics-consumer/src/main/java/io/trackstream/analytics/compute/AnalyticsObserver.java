package io.trackstream.analytics.compute;

/** What the topology reports for metrics and the summary log; called on stream threads. */
public interface AnalyticsObserver {

    AnalyticsObserver NONE = new AnalyticsObserver() {
    };

    /** An event (after deduplication) reached the analytics step. */
    default void processed(String eventType) {
    }

    /** An event came after its window closed; {@code window} is {@code hour} or {@code day}. */
    default void late(String window) {
    }

    /** A flush wrote {@code rows} rows. */
    default void flushed(int rows, long nanos) {
    }
}
