package io.trackstream.producer.traffic;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One shopper's visit: where they are, what is in the cart and whether they searched yet. The
 * invariant the consumers rely on: {@code cartValue} is the sum of the prices added since the last
 * purchase, and a purchase is only possible with a non-empty cart after a search.
 */
final class Session {

    enum Page { NONE, HOME, CATEGORY, PRODUCT, SEARCH }

    final String id;
    final SimUser user;
    final int maxEvents;
    int events;
    Page page = Page.NONE;
    String url;
    String categorySlug;
    Product product;
    boolean searched;
    final List<Product> cart = new ArrayList<>();
    BigDecimal cartValue = BigDecimal.ZERO;

    Session(String id, SimUser user, int maxEvents) {
        this.id = id;
        this.user = user;
        this.maxEvents = maxEvents;
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
