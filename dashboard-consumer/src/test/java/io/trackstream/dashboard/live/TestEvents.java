package io.trackstream.dashboard.live;

import io.trackstream.model.EventCodec;
import io.trackstream.model.UserActivityEvent;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Contract events for the tests, built through the codec as a client's would be. */
final class TestEvents {

    private static final EventCodec CODEC = EventCodec.create();

    private TestEvents() {
    }

    static UserActivityEvent event(String eventId, String userId, String type, Instant at) {
        return decode("""
                {"event_id":"%s","user_id":"%s","event_type":"%s","timestamp":"%s",
                 "device":{"type":"mobile"},"location":{"country":"US"}}""".formatted(eventId, userId, type, at), at);
    }

    static UserActivityEvent pageView(String eventId, String userId, String url, Instant at) {
        return decode("""
                {"event_id":"%s","user_id":"%s","event_type":"page_view","timestamp":"%s","page_url":"%s",
                 "device":{"type":"desktop"},"location":{"country":"DE"}}""".formatted(eventId, userId, at, url), at);
    }

    static UserActivityEvent productView(String eventId, String userId, String productId, String name, Instant at) {
        return decode("""
                {"event_id":"%s","user_id":"%s","event_type":"click","timestamp":"%s",
                 "properties":{"product_id":"%s","product_name":"%s","price":9.50,"currency":"USD"}}"""
                .formatted(eventId, userId, at, productId, name), at);
    }

    static UserActivityEvent purchase(String eventId, String userId, String amount, String currency, Instant at) {
        return decode("""
                {"event_id":"%s","user_id":"%s","event_type":"purchase","timestamp":"%s",
                 "properties":{"cart_value":%s,"currency":"%s"}}""".formatted(eventId, userId, at, amount, currency), at);
    }

    /** Received when it happened: the tests' clocks are fixed, and the contract bounds the future by the receipt. */
    private static UserActivityEvent decode(String json, Instant receivedAt) {
        EventCodec.Decoded decoded = CODEC.decodeClient(json.getBytes(StandardCharsets.UTF_8), receivedAt);
        if (!decoded.isValid()) {
            throw new IllegalArgumentException(decoded.violations().toString());
        }
        return decoded.event();
    }
}
