package io.trackstream.dashboard.live;

import io.trackstream.model.EventProperties;
import io.trackstream.model.KnownEventType;
import io.trackstream.model.UserActivityEvent;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What one event adds to the live figures: its counts, its revenue and whether it is a purchase.
 *
 * @param second epoch second of its event time
 * @param counts one key per dimension it is counted by
 * @param currency the purchase's currency, or null when it carries no revenue
 * @param revenue the purchase's amount, or null
 * @param purchase whether the user made a purchase (the conversion rate)
 */
record EventFacts(long second, List<CountKey> counts, String currency, BigDecimal revenue, boolean purchase) {

    static final String UNKNOWN = "unknown";
    /** The currency of an amount sent without one: the simulator's and the original design's. */
    static final String DEFAULT_CURRENCY = "USD";

    static EventFacts of(UserActivityEvent event) {
        long second = Math.floorDiv(event.timestamp().toEpochMilli(), 1000);
        List<CountKey> counts = new ArrayList<>(5);
        counts.add(new CountKey(second, Dimension.TYPE, event.eventType()));
        counts.add(new CountKey(second, Dimension.DEVICE,
                event.device() == null || event.device().type() == null ? UNKNOWN : event.device().type()));
        counts.add(new CountKey(second, Dimension.COUNTRY,
                event.location() == null || event.location().country() == null ? UNKNOWN : event.location().country()));
        boolean pageView = KnownEventType.PAGE_VIEW.wireName().equals(event.eventType());
        if (pageView && event.pageUrl() != null) {
            counts.add(new CountKey(second, Dimension.PAGE, page(event.pageUrl())));
        }
        EventProperties properties = event.properties();
        if (properties != null && properties.productId() != null) {
            counts.add(CountKey.product(second, properties.productId(), properties.productName()));
        }
        boolean purchase = KnownEventType.PURCHASE.wireName().equals(event.eventType());
        BigDecimal amount = purchase ? amount(properties) : null;
        String currency = amount == null ? null
                : properties.currency() == null ? DEFAULT_CURRENCY : properties.currency();
        return new EventFacts(second, counts, currency, amount, purchase);
    }

    /** The page without query and fragment: campaign and session parameters would split one page into many. */
    static String page(String url) {
        int end = url.length();
        int query = url.indexOf('?');
        int fragment = url.indexOf('#');
        if (query >= 0) {
            end = query;
        }
        if (fragment >= 0 && fragment < end) {
            end = fragment;
        }
        return url.substring(0, end);
    }

    /** A purchase's revenue: its cart value, else price times quantity (1 when absent), else none. */
    private static BigDecimal amount(EventProperties properties) {
        if (properties == null) {
            return null;
        }
        if (properties.cartValue() != null) {
            return properties.cartValue();
        }
        if (properties.price() != null) {
            return properties.price().multiply(BigDecimal.valueOf(properties.quantity() == null ? 1 : properties.quantity()));
        }
        return null;
    }
}
