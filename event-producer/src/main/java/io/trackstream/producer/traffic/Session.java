package io.trackstream.producer.traffic;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One shopper's visit: where they are, what is in the cart and whether they searched yet. The
 * invariant the consumers rely on: {@code cartValue} is the sum of the prices added since the last
 * purchase, and a purchase is only possible with a non-empty cart after a search. Its events are a
 * think time apart; {@code dueAtMs} is when the next one is due.
 */
final class Session {

    enum Page { NONE, HOME, CATEGORY, PRODUCT, SEARCH }

    final String id;
    final SimUser user;
    final int maxEvents;
    // the scheduler's order: when this session's next event is due (generator time, ms), then who came first
    final long order;
    long dueAtMs;
    java.time.Instant start;
    java.time.Instant last;
    java.time.Instant firstPurchase;
    int events;
    Page page = Page.NONE;
    String url;
    String categorySlug;
    Product product;
    boolean searched;
    final List<Product> cart = new ArrayList<>();
    BigDecimal cartValue = BigDecimal.ZERO;

    Session(String id, SimUser user, int maxEvents, long order, long dueAtMs) {
        this.id = id;
        this.user = user;
        this.maxEvents = maxEvents;
        this.order = order;
        this.dueAtMs = dueAtMs;
    }

    /** Notes an event of this session emitted at {@code at} (its true time, before any lateness). */
    void emittedAt(java.time.Instant at, boolean purchase) {
        if (start == null) {
            start = at;
        }
        last = at;
        if (purchase && firstPurchase == null) {
            firstPurchase = at;
        }
    }

    boolean canAddToCart() {
        return page == Page.PRODUCT;
    }

    boolean canPurchase() {
        return !cart.isEmpty() && searched;
    }

    void goTo(Page page, String url, Product product, String categorySlug) {
        this.page = page;
        this.url = url;
        this.product = product;
        this.categorySlug = categorySlug;
    }

    void add(Product p) {
        cart.add(p);
        cartValue = cartValue.add(p.price());
    }

    void emptyCart() {
        cart.clear();
        cartValue = BigDecimal.ZERO;
    }
}
