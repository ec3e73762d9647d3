package io.trackstream.dashboard.live;

/**
 * One per-second count: the events of one second of event time with one value of a dimension.
 * Encoded as the key of the count store: the second first, zero-padded, so the store's byte order
 * is time order.
 *
 * @param second epoch second of the events' time
 * @param dimension what they are counted by
 * @param name the dimension's value (a product is its id and name, see {@link #product})
 */
record CountKey(long second, Dimension dimension, String name) {

    private static final char SEPARATOR = '|';
    /** between a product's id and its name inside {@link #name}: a control character no id contains */
    static final char PRODUCT_NAME_SEPARATOR = '\u001f';

    static CountKey product(long second, String productId, String productName) {
        return new CountKey(second, Dimension.PRODUCT,
                productName == null ? productId : productId + PRODUCT_NAME_SEPARATOR + productName);
    }

    String encode() {
        return pad(second) + SEPARATOR + dimension.code() + SEPARATOR + name;
    }

    static CountKey decode(String key) {
        int first = key.indexOf(SEPARATOR);
        int second = key.indexOf(SEPARATOR, first + 1);
        return new CountKey(Long.parseLong(key.substring(0, first)), Dimension.fromCode(key.substring(first + 1, second)),
                key.substring(second + 1));
    }

    /** The key of one second's revenue in one currency, in the revenue store. */
    static String revenueKey(long second, String currency) {
        return pad(second) + SEPARATOR + currency;
    }

    static long revenueSecond(String key) {
        return Long.parseLong(key.substring(0, key.indexOf(SEPARATOR)));
    }

    static String revenueCurrency(String key) {
        return key.substring(key.indexOf(SEPARATOR) + 1);
    }

    private static String pad(long second) {
        String digits = Long.toString(second);
        return "0".repeat(Math.max(0, 12 - digits.length())) + digits;
    }
}
