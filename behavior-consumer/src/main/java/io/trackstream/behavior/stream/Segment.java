package io.trackstream.behavior.stream;

import java.util.Locale;

/**
 * Who a user is over their last 30 days of closed sessions: a {@code buyer} bought at least once, a
 * {@code researcher} searched and did not buy, a {@code browser} only viewed and clicked. Anyone
 * else (e.g. added to cart without searching or buying, or only custom events) is {@code other}.
 */
public enum Segment {

    BUYER, RESEARCHER, BROWSER, OTHER;

    /** How many days, the session's own day included, the segment looks back. */
    public static final int DAYS = 30;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Segment of(long purchases, long searches, long others) {
        if (purchases > 0) {
            return BUYER;
        }
        if (searches > 0) {
            return RESEARCHER;
        }
        return others == 0 ? BROWSER : OTHER;
    }
}
