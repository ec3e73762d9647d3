package io.trackstream.model;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The event types that carry a meaning the pipeline acts on (a purchase needs an amount, a search
 * a query, ...). Any other {@code event_type} is a custom event and is accepted as it is, so this
 * enum never decides whether an event is valid. Wire names are matched exactly: {@code PURCHASE}
 * is a custom event, not a purchase.
 */
public enum KnownEventType {

    PAGE_VIEW, CLICK, SEARCH, ADD_TO_CART, REMOVE_FROM_CART, PURCHASE, LOGIN, LOGOUT, SIGNUP;

    private static final Map<String, KnownEventType> BY_WIRE_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(KnownEventType::wireName, Function.identity()));

    private final String wireName = name().toLowerCase(java.util.Locale.ROOT);

    /** The snake_case name clients send in {@code event_type}, e.g. {@code add_to_cart}. */
    public String wireName() {
        return wireName;
    }

    /** The known type with this wire name, or empty for a custom event type (or null). */
    public static Optional<KnownEventType> fromWire(String wireName) {
        return wireName == null ? Optional.empty() : Optional.ofNullable(BY_WIRE_NAME.get(wireName));
    }
}
