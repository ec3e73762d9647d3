package io.trackstream.producer.traffic;

import java.math.BigDecimal;

/** One item of the simulated shop; {@code categorySlug} is the path segment of its category page. */
record Product(String id, String name, String category, String categorySlug, BigDecimal price) {

    String path() {
        return "/p/" + id;
    }

    String categoryPath() {
        return "/c/" + categorySlug;
    }
}
