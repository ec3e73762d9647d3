package io.trackstream.storage.history;

import com.datastax.oss.driver.api.core.cql.Row;
import io.trackstream.model.EventCodec;
import io.trackstream.model.UserActivityEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;

/**
 * Turns a {@code user_events} row back into the event that was accepted: the row is rebuilt as the
 * event's JSON document and read with {@link EventCodec#decodeRecord}, so the history API returns
 * exactly the contract's shape (properties and metadata from their stored JSON text).
 */
final class EventRows {

    private final EventCodec codec;
    private final JsonMapper mapper;

    EventRows(EventCodec codec) {
        this.codec = codec;
        this.mapper = codec.mapper();
    }

    /** The event of the row, or null when the row no longer satisfies the contract. */
    UserActivityEvent toEvent(Row row) {
        ObjectNode json = mapper.createObjectNode();
        json.put("event_id", row.getString("event_id"));
        json.put("user_id", row.getString("user_id"));
        json.put("event_type", row.getString("event_type"));
        instant(json, "timestamp", row.getInstant("event_time"));
        instant(json, "sent_at", row.getInstant("sent_at"));
        instant(json, "received_at", row.getInstant("received_at"));
        text(json, "session_id", row.getString("session_id"));
        text(json, "page_url", row.getString("page_url"));
        text(json, "referrer", row.getString("referrer"));
        text(json, "user_agent", row.getString("user_agent"));
        text(json, "ip_address", row.getString("ip_address"));
        rawJson(json, "properties", row.getString("properties"));
        ObjectNode device = mapper.createObjectNode();
        text(device, "type", row.getString("device_type"));
        text(device, "os", row.getString("device_os"));
        text(device, "browser", row.getString("device_browser"));
        if (!device.isEmpty()) {
            json.set("device", device);
        }
        ObjectNode location = mapper.createObjectNode();
        text(location, "country", row.getString("country"));
        text(location, "city", row.getString("city"));
        text(location, "timezone", row.getString("timezone"));
        if (!location.isEmpty()) {
            json.set("location", location);
        }
        rawJson(json, "metadata", row.getString("metadata"));
        instant(json, "client_timestamp", row.getInstant("client_timestamp"));
        if (!row.isNull("clock_skew_ms")) {
            json.put("clock_skew_ms", row.getLong("clock_skew_ms"));
        }
        EventCodec.Decoded decoded = codec.decodeRecord(mapper.writeValueAsBytes(json));
        return decoded.isValid() ? decoded.event() : null;
    }

    private static void text(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static void instant(ObjectNode node, String field, Instant value) {
        if (value != null) {
            node.put(field, value.toString());
        }
    }

    private void rawJson(ObjectNode node, String field, String text) {
        if (text != null) {
            JsonNode value = mapper.readTree(text);
            node.set(field, value);
        }
    }
}
