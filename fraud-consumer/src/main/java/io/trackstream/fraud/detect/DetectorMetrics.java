package io.trackstream.fraud.detect;

import io.trackstream.fraud.rules.Rule;

/** What the detector counts; the service binds it to Micrometer, tests to nothing. */
public interface DetectorMetrics {

    DetectorMetrics NONE = new DetectorMetrics() {
    };

    /** An event was judged against the rules, taking {@code nanos}. */
    default void judged(long nanos) {
    }

    /** An event came later than the grace and was not judged. */
    default void tooLate() {
    }

    default void alert(Rule rule) {
    }
}
