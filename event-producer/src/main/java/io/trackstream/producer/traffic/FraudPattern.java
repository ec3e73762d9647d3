package io.trackstream.producer.traffic;

/**
 * The kinds of fraud the simulator injects, each naming the fraud consumer's rule that must detect
 * it (the consumer's recall test checks every injected case against that rule).
 */
public enum FraudPattern {
    /** Eight purchases by one user within seconds. */
    PURCHASE_BURST("HIGH_VELOCITY"),
    /** One user seen from six IP addresses within seconds. */
    MANY_IPS("MULTIPLE_IPS"),
    /** One user in two cities thousands of kilometres apart within seconds. */
    IMPOSSIBLE_TRAVEL("IMPOSSIBLE_TRAVEL"),
    /** A tiny purchase (card test, under 1.00) followed within seconds by a large one. */
    TINY_THEN_LARGE("SMALL_THEN_LARGE"),
    /** A purchase of a very high value. */
    VERY_HIGH_VALUE("HIGH_VALUE"),
    /** One user's events from two countries within seconds (the second country's city left out). */
    COUNTRY_HOP("RAPID_LOCATION_CHANGE"),
    /** A purchase that opens a session: no browsing before it. */
    BLIND_PURCHASE("PURCHASE_WITHOUT_ACTIVITY");

    private final String rule;

    FraudPattern(String rule) {
        this.rule = rule;
    }

    /** The fraud consumer's rule that must raise an alert for this case. */
    public String rule() {
        return rule;
    }
}
