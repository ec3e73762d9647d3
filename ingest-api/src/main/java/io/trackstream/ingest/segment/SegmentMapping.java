package io.trackstream.ingest.segment;

import io.trackstream.model.KnownEventType;
import io.trackstream.model.Violation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Maps one Segment message (the Tracking API's JSON) to the contract's event JSON, and nothing
 * more: every rule is the codec's. The mapping is the table in the module README. It remembers where
 * each contract field came from, so a rule the codec finds broken is reported under the field the
 * Segment client sent ({@code userId}, {@code context.page.url}, ...).
 */
final class SegmentMapping {

    /** Segment's e-commerce event names with a meaning in the contract; any other name stays a custom type. */
    static final Map<String, String> EVENT_TYPES = Map.of(
            "Products Searched", KnownEventType.SEARCH.wireName(),
            "Product Added", KnownEventType.ADD_TO_CART.wireName(),
            "Product Removed", KnownEventType.REMOVE_FROM_CART.wireName(),
            "Order Completed", KnownEventType.PURCHASE.wireName());

    static final Set<String> CALLS = Set.of("track", "page", "screen", "identify");

    private static final List<String> DEVICE_TYPES =
            List.of("desktop", "mobile", "tablet", "tv", "console", "wearable", "bot", "other");

    private final JsonNode message;
    private final ObjectNode event = JsonNodeFactory.instance.objectNode();
    private final Map<String, String> origins = new HashMap<>();

    private SegmentMapping(JsonNode message) {
        this.message = message;
    }

    /**
     * @param event the contract JSON, null when the message cannot be mapped at all
     * @param violations why it cannot (a non-object, a missing or unsupported type)
     * @param origins contract field path → the Segment path it was taken from
     */
    record Mapped(ObjectNode event, List<Violation> violations, Map<String, String> origins) {

        /** The Segment name of a field the codec names: the longest mapped prefix is replaced. */
        String segmentField(String contractField) {
            for (String path = contractField; ; path = path.substring(0, path.lastIndexOf('.'))) {
                String origin = origins.get(path);
                if (origin != null) {
                    return origin + contractField.substring(path.length());
                }
                if (path.indexOf('.') < 0) {
                    return contractField;
                }
            }
        }
    }

    /**
     * @param call the endpoint's call ({@code track}, {@code page}, ...), or null for a batch
     *        element, whose {@code type} names it
     * @param receivedAt the timestamp of a message without one (Segment stamps those on receipt)
     */
    static Mapped map(JsonNode message, String call, Instant receivedAt) {
        if (message == null || !message.isObject()) {
            return invalid("body", "must be a JSON object");
        }
        String type = call != null ? call : text(message, "type");
        if (type == null || !CALLS.contains(type)) {
            return invalid("type", "must be one of " + CALLS.stream().sorted().toList()
                    + (type == null ? "" : ", was " + type));
        }
        return new SegmentMapping(message).map(type, receivedAt);
    }

    private static Mapped invalid(String field, String error) {
        return new Mapped(null, List.of(new Violation(field, error)), Map.of());
    }

    private Mapped map(String type, Instant receivedAt) {
        copy("messageId", "event_id");
        if (!copy("userId", "user_id") && !copy("anonymousId", "user_id")) {
            origins.put("user_id", "userId");  // neither: the codec's "is required" names userId
        }
        String eventType = switch (type) {
            case "track" -> trackType();
            case "page", "screen" -> KnownEventType.PAGE_VIEW.wireName();
            default -> type;
        };
        if (eventType != null) {
            event.put("event_type", eventType);
        }
        if (!copy("timestamp", "timestamp") && !copy("originalTimestamp", "timestamp")) {
            event.put("timestamp", receivedAt.toString());
        }
        copy("sentAt", "sent_at");
        // identify's traits are a profile (names, e-mail addresses), not activity: they are not recorded.
        if (!"identify".equals(type)) {
            copy("properties", "properties");
            renameProperties(eventType);
        }
        copy("context.ip", "ip_address");
        copy("context.userAgent", "user_agent");
        if (!copy("context.page.url", "page_url")) {
            copy("properties.url", "page_url");
        }
        if (!copy("context.page.referrer", "referrer")) {
            copy("properties.referrer", "referrer");
        }
        mapDevice();
        mapLocation();
        return new Mapped(event, List.of(), Map.copyOf(origins));
    }

    private String trackType() {
        JsonNode name = message.get("event");
        if (name == null || !name.isString()) {
            origins.put("event_type", "event");
            if (name != null) {
                event.set("event_type", name);  // the codec names the wrong type
            }
            return null;
        }
        origins.put("event_type", "event");
        return EVENT_TYPES.getOrDefault(name.stringValue(), name.stringValue());
    }

    private void renameProperties(String eventType) {
        if (!(event.get("properties") instanceof ObjectNode properties) || eventType == null) {
            return;
        }
        switch (eventType) {
            case "search" -> renameProperty(properties, "query", "search_query");
            case "add_to_cart", "remove_from_cart" -> renameProperty(properties, "name", "product_name");
            case "purchase" -> {
                if (!renameProperty(properties, "revenue", "cart_value")) {
                    renameProperty(properties, "total", "cart_value");
                }
            }
            default -> {
            }
        }
    }

    /** Moves a Segment property to the contract's key, unless the client already sent that key. */
    private boolean renameProperty(ObjectNode properties, String from, String to) {
        if (!present(properties, from) || properties.has(to)) {
            return false;
        }
        properties.set(to, properties.remove(from));
        origins.put("properties." + to, "properties." + from);
        return true;
    }

    // Only what fits the contract's device: its type words, and the OS name with its version.
    private void mapDevice() {
        ObjectNode device = JsonNodeFactory.instance.objectNode();
        String type = text(at("context.device.type"));
        if (type != null) {
            String lower = type.toLowerCase(Locale.ROOT);
            String mapped = lower.equals("ios") || lower.equals("android") ? "mobile" : lower;
            if (DEVICE_TYPES.contains(mapped)) {
                device.put("type", mapped);
            }
        }
        String os = text(at("context.os.name"));
        if (os != null) {
            String version = text(at("context.os.version"));
            device.put("os", version == null ? os : os + " " + version);
            origins.put("device.os", "context.os");
        }
        if (!device.isEmpty()) {
            event.set("device", device);
            origins.putIfAbsent("device", "context.device");
        }
    }

    // Segment's country is often a name ("Germany"); the contract's is an ISO code, so only a code is taken.
    private void mapLocation() {
        ObjectNode location = JsonNodeFactory.instance.objectNode();
        String country = text(at("context.location.country"));
        if (country != null && country.matches("[A-Z]{2}")) {
            location.put("country", country);
        }
        String city = text(at("context.location.city"));
        if (city != null) {
            location.put("city", city);
        }
        String timezone = text(at("context.timezone"));
        if (timezone != null && isZone(timezone)) {
            location.put("timezone", timezone);
            origins.put("location.timezone", "context.timezone");
        }
        if (!location.isEmpty()) {
            event.set("location", location);
            origins.put("location", "context.location");
        }
    }

    /** Copies a present (non-null) Segment value as it is, for the codec to judge; true when there was one. */
    private boolean copy(String segmentPath, String contractField) {
        JsonNode value = at(segmentPath);
        if (value == null) {
            return false;
        }
        event.set(contractField, value.deepCopy());
        origins.put(contractField, segmentPath);
        return true;
    }

    private JsonNode at(String path) {
        JsonNode node = message;
        for (String part : path.split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        return node == null || node.isNull() ? null : node;
    }

    private static boolean present(JsonNode object, String field) {
        JsonNode value = object.get(field);
        return value != null && !value.isNull();
    }

    private static String text(JsonNode object, String field) {
        return text(object.get(field));
    }

    private static String text(JsonNode node) {
        return node != null && node.isString() && !node.stringValue().isBlank() ? node.stringValue() : null;
    }

    private static boolean isZone(String id) {
        try {
            ZoneId.of(id);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
