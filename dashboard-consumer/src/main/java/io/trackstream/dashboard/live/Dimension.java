package io.trackstream.dashboard.live;

/**
 * What a per-second count is counted by. The code is the dimension's part of a store key, so it
 * must never change once data has been written with it.
 */
enum Dimension {

    /** every event, by {@code event_type}: the timeline and the events per second */
    TYPE("t"),
    /** every event, by {@code device.type} ({@code unknown} when absent) */
    DEVICE("d"),
    /** every event, by {@code location.country} ({@code unknown} when absent) */
    COUNTRY("c"),
    /** page views, by the page's URL without query or fragment */
    PAGE("p"),
    /** events that name a product, by product id and name */
    PRODUCT("x");

    private final String code;

    Dimension(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }

    static Dimension fromCode(String code) {
        for (Dimension dimension : values()) {
            if (dimension.code.equals(code)) {
                return dimension;
            }
        }
        throw new IllegalArgumentException("unknown dimension code " + code);
    }
}
