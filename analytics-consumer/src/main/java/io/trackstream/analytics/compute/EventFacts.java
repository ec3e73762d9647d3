package io.trackstream.analytics.compute;

import io.trackstream.model.EventProperties;
import io.trackstream.model.KnownEventType;
import io.trackstream.model.UserActivityEvent;

import java.math.BigDecimal;

/**
 * The figures one event contributes, by the rules: a purchase is worth its
 * {@code cart_value}, else {@code price × quantity} (quantity 1 when absent), in its currency or the
 * default one; a page is the URL's path, query string and fragment dropped.
 */
record EventFacts(String eventType, boolean purchase, BigDecimal amount, String currency, String page,
                  String productId, String productName, String category, String country) {

    static EventFacts of(UserActivityEvent event, String defaultCurrency) {
        EventProperties p = event.properties();
        boolean purchase = KnownEventType.PURCHASE.wireName().equals(event.eventType());
        BigDecimal amount = purchase ? worth(p) : null;
        String currency = p == null || p.currency() == null ? defaultCurrency : p.currency();
        String page = KnownEventType.PAGE_VIEW.wireName().equals(event.eventType()) ? path(event.pageUrl()) : null;
        return new EventFacts(event.eventType(), purchase, amount, currency, page,
                p == null ? null : p.productId(), p == null ? null : p.productName(), p == null ? null : p.category(),
                event.location() == null ? null : event.location().country());
    }

    private static BigDecimal worth(EventProperties p) {
        if (p == null) {
            return BigDecimal.ZERO;
        }
        if (p.cartValue() != null) {
            return p.cartValue();
        }
        if (p.price() == null) {
            return BigDecimal.ZERO;
        }
        return p.price().multiply(BigDecimal.valueOf(p.quantity() == null ? 1 : p.quantity()));
    }

    /**
     * The path of a page URL: an absolute URL loses scheme and host, every URL its query string and
     * fragment; an empty path is {@code /}. Done on the text, not with {@link java.net.URI}, so that
     * a URL with a character URI refuses still counts.
     */
    static String path(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String rest = url.strip();
        int cut = indexOfAny(rest, '?', '#');
        if (cut >= 0) {
            rest = rest.substring(0, cut);
        }
        int scheme = rest.indexOf("://");
        if (scheme >= 0) {
            int slash = rest.indexOf('/', scheme + 3);
            rest = slash < 0 ? "/" : rest.substring(slash);
        }
        return rest.isEmpty() ? "/" : rest;
    }

    private static int indexOfAny(String text, char a, char b) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == a || c == b) {
                return i;
            }
        }
        return -1;
    }
}
