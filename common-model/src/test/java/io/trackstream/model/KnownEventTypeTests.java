package io.trackstream.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class KnownEventTypeTests {

    @Test
    void usesSnakeCaseWireNames() {
        assertThat(KnownEventType.PAGE_VIEW.wireName()).isEqualTo("page_view");
        assertThat(KnownEventType.REMOVE_FROM_CART.wireName()).isEqualTo("remove_from_cart");
    }

    @ParameterizedTest
    @EnumSource(KnownEventType.class)
    void findsEveryTypeByItsWireName(KnownEventType type) {
        assertThat(KnownEventType.fromWire(type.wireName())).contains(type);
    }

    @Test
    void treatsOtherNamesAsCustomEvents() {
        assertThat(KnownEventType.fromWire("wishlist_add")).isEmpty();
        assertThat(KnownEventType.fromWire("PURCHASE")).isEmpty();
        assertThat(KnownEventType.fromWire(null)).isEmpty();
    }
}
