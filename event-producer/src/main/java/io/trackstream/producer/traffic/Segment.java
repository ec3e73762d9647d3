package io.trackstream.producer.traffic;

import io.trackstream.model.KnownEventType;

import java.util.EnumMap;
import java.util.Map;

/**
 * How a kind of user behaves: the base weights of the session state machine's next event type and
 * how long its sessions run, and how long its users think between two events. Browsers mostly look, researchers search and compare, buyers add to
 * cart and buy. The generator corrects these weights towards the target mix, so they shape who does
 * what, not the overall proportions.
 */
enum Segment {

    BROWSERS(0.5, 5, 20, 20, 70, 25, 4, 1.0, 0.4),
    RESEARCHERS(0.3, 10, 40, 45, 52, 25, 18, 3, 1.5),
    BUYERS(0.2, 8, 30, 30, 48, 25, 12, 8, 6);

    // Think time between two events of a session: at least this, exponential above it, at most the
    // cap (well under a 30 min inactivity gap, so a visit stays one session on the server).
    private static final long MIN_THINK_MS = 2_000;
    private static final long MAX_THINK_MS = 10 * 60_000;

    private final double share;
    private final int minEvents;
    private final int maxEvents;
    private final long meanThinkMs;
    private final Map<KnownEventType, Double> weights = new EnumMap<>(KnownEventType.class);

    Segment(double share, int minEvents, int maxEvents, int meanThinkSeconds,
            double pageView, double click, double search, double addToCart, double purchase) {
        this.share = share;
        this.minEvents = minEvents;
        this.maxEvents = maxEvents;
        this.meanThinkMs = meanThinkSeconds * 1000L;
        weights.put(KnownEventType.PAGE_VIEW, pageView);
        weights.put(KnownEventType.CLICK, click);
        weights.put(KnownEventType.SEARCH, search);
        weights.put(KnownEventType.ADD_TO_CART, addToCart);
        weights.put(KnownEventType.PURCHASE, purchase);
    }

    /** The fraction of users in this segment. */
    double share() {
        return share;
    }

    int minEvents() {
        return minEvents;
    }

    int maxEvents() {
        return maxEvents;
    }

    /** A think time drawn for this segment, in ms: seconds to minutes, the same at any rate. */
    long thinkMs(java.util.Random random) {
        double exponential = -Math.log(1 - random.nextDouble()) * (meanThinkMs - MIN_THINK_MS);
        return Math.min(MAX_THINK_MS, MIN_THINK_MS + (long) exponential);
    }

    /** The mean think time over all users, weighted by segment share, in seconds. */
    static double meanThinkSeconds() {
        double sum = 0;
        for (Segment s : values()) {
            sum += s.share * s.meanThinkMs / 1000.0;
        }
        return sum;
    }

    double weight(KnownEventType type) {
        return weights.getOrDefault(type, 0.0);
    }
}
