package io.trackstream.model;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Contract v1 for the {@code properties} object: the known keys are typed, every number anywhere in
 * it must be finite, and unknown keys are kept verbatim (in order, numbers exact) as {@code extra}.
 */
final class PropertiesReader {

    private static final Set<String> KNOWN_KEYS = Set.of("product_id", "product_name", "price", "category",
            "search_query", "cart_value", "currency", "quantity");

    private static final Set<String> CURRENCIES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode)
            .collect(Collectors.toUnmodifiableSet());

    // Longest values, in code points.
    private static final int PRODUCT_ID_MAX = 128;
    private static final int PRODUCT_NAME_MAX = 256;
    private static final int CATEGORY_MAX = 128;
    private static final int SEARCH_QUERY_MAX = 512;

    private PropertiesReader() {
    }

    /**
     * The typed properties of an event of type {@code eventType}, every rule of the group included
     * (a purchase carries an amount); null when there are none or they are not an object.
     */
    static EventProperties read(JsonNode event, String eventType, FieldReader reader) {
        EventProperties properties = read(event, reader);
        requirePositiveAmountForPurchase(eventType, properties, reader);
        return properties;
    }

    /** The typed properties alone, whatever the event's type, as a store reads them back. */
    static EventProperties read(JsonNode event, FieldReader reader) {
        JsonNode props = reader.object(event, "properties");
        if (props == null) {
            return null;
        }
        String productId = reader.idOrInteger(props, "properties.product_id", PRODUCT_ID_MAX, 0, false);
        String productName = reader.text(props, "properties.product_name", PRODUCT_NAME_MAX);
        BigDecimal price = reader.amount(props, "properties.price");
        String category = reader.text(props, "properties.category", CATEGORY_MAX);
        String searchQuery = reader.text(props, "properties.search_query", SEARCH_QUERY_MAX);
        BigDecimal cartValue = reader.amount(props, "properties.cart_value");
        String currency = reader.string(props, "properties.currency", false, PropertiesReader::isCurrency,
                "must be an ISO 4217 currency code of three uppercase letters, e.g. EUR");
        Integer quantity = reader.count(props, "properties.quantity");
        ObjectNode extra = EventJson.MAPPER.createObjectNode();
        for (Map.Entry<String, JsonNode> entry : props.properties()) {
            if (!isKnownKey(entry.getKey())) {
                if (reader.requireValidEntry("properties", entry.getKey(), entry.getValue(), true)) {
                    extra.set(entry.getKey(), entry.getValue());
                }
            }
        }
        return new EventProperties(productId, productName, price, category, searchQuery, cartValue, currency,
                quantity, extra.isEmpty() ? null : EventJson.compact(extra));
    }

    private static boolean isKnownKey(String key) {
        return KNOWN_KEYS.contains(key);
    }

    private static boolean isCurrency(String text) {
        return CURRENCIES.contains(text);
    }

    /**
     * A purchase is only worth recording with an amount. Skipped when the amounts or the object
     * itself were already rejected, so one mistake is reported once.
     */
    private static void requirePositiveAmountForPurchase(String eventType, EventProperties props, FieldReader reader) {
        if (!KnownEventType.PURCHASE.wireName().equals(eventType) || reader.rejected("properties")
                || reader.rejected("properties.price") || reader.rejected("properties.cart_value")) {
            return;
        }
        if (props == null || !(isPositive(props.cartValue()) || isPositive(props.price()))) {
            reader.reject("properties", "a purchase must carry a positive amount: cart_value > 0 or price > 0");
        }
    }

    private static boolean isPositive(BigDecimal amount) {
        return amount != null && amount.signum() > 0;
    }
}
