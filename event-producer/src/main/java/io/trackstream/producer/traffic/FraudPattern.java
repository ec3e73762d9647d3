package io.trackstream.producer.traffic;

/** The kinds of fraud the simulator injects; the fraud consumer should find every one of them. */
public enum FraudPattern {
    /** Many purchases by one user within a minute. */
    PURCHASE_BURST,
    /** One user seen from many IP addresses within a minute. */
    MANY_IPS,
    /** One user in two countries thousands of kilometres apart within minutes. */
    IMPOSSIBLE_TRAVEL,
    /** A tiny purchase (card test) followed by a large one. */
    TINY_THEN_LARGE,
    /** A purchase of a very high value. */
    VERY_HIGH_VALUE
}
