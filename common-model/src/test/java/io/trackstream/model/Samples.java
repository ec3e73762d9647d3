package io.trackstream.model;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A minimal valid client event, written as raw JSON per field so tests can put any JSON in a field. */
final class Samples {

    static final Instant RECEIVED_AT = Instant.parse("2024-01-15T10:31:00Z");

    static final EventCodec CODEC = EventCodec.create();

    private Samples() {
    }

    static Map<String, String> validFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("user_id", "\"u-42\"");
        fields.put("event_type", "\"page_view\"");
        fields.put("timestamp", "\"2024-01-15T10:30:45.120Z\"");
        return fields;
    }

    static byte[] json(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                .collect(Collectors.joining(",", "{", "}"))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The valid event with one field set to raw JSON, or removed when {@code rawJson} is null. */
    static byte[] jsonWith(String field, String rawJson) {
        Map<String, String> fields = validFields();
        if (rawJson == null) {
            fields.remove(field);
        } else {
            fields.put(field, rawJson);
        }
        return json(fields);
    }

    static EventCodec.Decoded decodeWith(String field, String rawJson) {
        return CODEC.decodeClient(jsonWith(field, rawJson), RECEIVED_AT);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String quoted(String text) {
        return "\"" + text + "\"";
    }
}
