package io.trackstream.producer.traffic;

import io.trackstream.model.KnownEventType;

import java.util.EnumMap;
import java.util.Map;

/**
 * How a kind of user behaves: the base weights of the session state machine's next event type and
 * how long its sessions run. Browsers mostly look, researchers search and compare, buyers add to
 * cart and buy. The generator corrects these weights towards the target mix, so they shape who does
 * what, not the overall proportions.
 */
enum Segment {

    BROWSERS(0.5, 5, 20, 70, 25, 4, 1.0, 0.4),
    RESEARCHERS(0.3, 10, 40, 52, 25, 18, 3, 1.5),
    BUYERS(0.2, 8, 30, 48, 25, 12, 8, 6);

    private final double share;
    private final int minEvents;
    private final int maxEvents;
    private final Map<KnownEventType, Double> weights = new EnumMap<>(KnownEventType.class);

    Segment(double share, int minEvents, int maxEvents,
            double pageView, double click, double search, double addToCart, double purchase) {
        this.share = share;
        this.minEvents = minEvents;
        this.maxEvents = maxEvents;
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

    double weight(KnownEventType type) {
        return weights.getOrDefault(type, 0.0);
    }
}
