package io.trackstream.fraud.detect;

import io.trackstream.fraud.rules.Rule;

/** What the detector counts; the service binds it to Micrometer, tests to nothing. */
public interface DetectorMetrics {

    DetectorMetrics NONE = new DetectorMetrics() {
    };

    /** An event was judged against the order-dependent rules, taking {@code nanos}. */
    default void judged(long nanos) {
    }

    /**
     * An event came later than the grace and was not judged by the order-dependent rules (the
     * single-event rules judged it on arrival).
     */
    default void tooLate() {
    }

    /**
     * An alert was raised, {@code latency} after the server received the event that triggered it
     * (its {@code received_at}): the detection latency. {@code onArrival}: raised by a single-event
     * rule as the event arrived; otherwise by an order-dependent rule, after the reorder grace.
     */
    default void alert(Rule rule, java.time.Duration latency, boolean onArrival) {
    }
}
