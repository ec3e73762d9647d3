package io.trackstream.model;

import tools.jackson.databind.JsonNode;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Contract v1 over one JSON object: reads every field, records every broken rule and assembles the
 * event from whatever was valid. It knows nothing of clocks or sizes; {@link EventCodec} applies the
 * {@link IntakePolicy} afterwards.
 */
final class EventValidator {

    /** Where the JSON came from, which decides who may set the server-owned fields. */
    enum Source { CLIENT, RECORD }

    private static final Set<String> SERVER_FIELDS = Set.of("received_at", "client_timestamp", "clock_skew_ms");

    private static final Set<String> CLIENT_FIELDS = Set.of("event_id", "user_id", "event_type", "timestamp",
            "sent_at", "session_id", "page_url", "referrer", "user_agent", "ip_address", "properties", "device",
            "location", "metadata");

    private static final List<String> DEVICE_TYPES =
            List.of("desktop", "mobile", "tablet", "tv", "console", "wearable", "bot", "other");
    private static final String DEVICE_TYPE_RULE = "must be one of " + String.join(", ", DEVICE_TYPES);
    private static final Set<String> DEVICE_KEYS = Set.of("type", "os", "browser");
    private static final Set<String> LOCATION_KEYS = Set.of("country", "city", "timezone");
    // Every region id ZoneId.of accepts; offsets such as +05:30 or UTC+1 are left to ZoneId.of.
    private static final Set<String> REGION_IDS = Set.copyOf(ZoneId.getAvailableZoneIds());

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    // Longest values, in code points.
    private static final int EVENT_ID_MAX = 100;
    private static final int USER_ID_MAX = 128;
    private static final int EVENT_TYPE_MAX = 50;
    private static final int SESSION_ID_MAX = 128;
    private static final int URL_MAX = 2048;
    private static final int USER_AGENT_MAX = 1024;
    private static final int DEVICE_TEXT_MAX = 64;
    private static final int CITY_MAX = 128;

    private EventValidator() {
    }

    static UserActivityEvent read(JsonNode event, Source source, FieldReader reader) {
        boolean record = source == Source.RECORD;
        reportIgnoredFields(event, source, reader);
        String eventId = reader.name(event, "event_id", EVENT_ID_MAX, record);
        String userId = reader.idOrInteger(event, "user_id", USER_ID_MAX, 1, true);
        String eventType = reader.name(event, "event_type", EVENT_TYPE_MAX, true);
        Instant timestamp = reader.instant(event, "timestamp", true);
        Instant sentAt = reader.instant(event, "sent_at", false);
        Instant receivedAt = record ? reader.instant(event, "received_at", true) : null;
        String sessionId = reader.name(event, "session_id", SESSION_ID_MAX, false);
        String pageUrl = reader.text(event, "page_url", URL_MAX);
        String referrer = reader.text(event, "referrer", URL_MAX);
        String userAgent = reader.text(event, "user_agent", USER_AGENT_MAX);
        String ipAddress = reader.string(event, "ip_address", false, EventValidator::isIpAddress,
                "must be an IPv4 or IPv6 address literal");
        EventProperties properties = PropertiesReader.read(event, eventType, reader);
        Device device = readDevice(event, reader);
        Location location = readLocation(event, reader);
        JsonNode metadata = reader.object(event, "metadata");
        if (metadata != null && !reader.requireValidJson(metadata, "metadata", false)) {
            metadata = null;
        }
        Instant clientTimestamp = record ? reader.instant(event, "client_timestamp", false) : null;
        Long clockSkewMs = record ? reader.wholeNumber(event, "clock_skew_ms") : null;
        if (record && (FieldReader.value(event, "client_timestamp") == null)
                != (FieldReader.value(event, "clock_skew_ms") == null)) {
            reader.reject("clock_skew_ms", "must be present exactly when client_timestamp is");
        }
        return new UserActivityEvent(eventId, userId, eventType, timestamp, sentAt, receivedAt, sessionId, pageUrl,
                referrer, userAgent, ipAddress, properties, device, location,
                metadata == null ? null : EventJson.compact(metadata), clientTimestamp, clockSkewMs);
    }

    private static Device readDevice(JsonNode event, FieldReader reader) {
        JsonNode device = reader.object(event, "device");
        if (device == null) {
            return null;
        }
        reportUnknownKeys(device, "device", DEVICE_KEYS, reader);
        return new Device(
                reader.string(device, "device.type", false, EventValidator::isDeviceType, DEVICE_TYPE_RULE),
                reader.text(device, "device.os", DEVICE_TEXT_MAX),
                reader.text(device, "device.browser", DEVICE_TEXT_MAX));
    }

    private static Location readLocation(JsonNode event, FieldReader reader) {
        JsonNode location = reader.object(event, "location");
        if (location == null) {
            return null;
        }
        reportUnknownKeys(location, "location", LOCATION_KEYS, reader);
        return new Location(
                reader.string(location, "location.country", false, EventValidator::isCountry,
                        "must be an ISO 3166-1 alpha-2 country code of two uppercase letters, e.g. DE"),
                reader.text(location, "location.city", CITY_MAX),
                reader.string(location, "location.timezone", false, EventValidator::isZoneId,
                        "must be a time-zone id such as Europe/Berlin or UTC"));
    }

    private static boolean isIpAddress(String text) {
        return IpLiterals.isValid(text);
    }

    private static boolean isDeviceType(String text) {
        return DEVICE_TYPES.contains(text);
    }

    private static boolean isCountry(String text) {
        return COUNTRIES.contains(text);
    }

    private static boolean isZoneId(String text) {
        if (text.length() > 64) {
            return false;
        }
        if (REGION_IDS.contains(text)) {
            // ZoneId.of would look the rules up (and check the name) for every event.
            return true;
        }
        try {
            ZoneId.of(text);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /**
     * Unknown fields are accepted and ignored (a newer client must not be locked out by an older
     * server) but listed, so the API can warn. A client's server-owned fields are ignored the same way.
     * An ignored field is still held to the Unicode rule, so every text of an accepted body is text.
     */
    private static void reportIgnoredFields(JsonNode event, Source source, FieldReader reader) {
        for (Map.Entry<String, JsonNode> entry : event.properties()) {
            String name = entry.getKey();
            boolean known = CLIENT_FIELDS.contains(name)
                    || (source == Source.RECORD && SERVER_FIELDS.contains(name));
            if (!known) {
                reader.ignore(name);
                reader.requireValidEntry("", name, entry.getValue(), false);
            }
        }
    }

    private static void reportUnknownKeys(JsonNode object, String path, Set<String> known, FieldReader reader) {
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            if (!known.contains(entry.getKey())) {
                reader.ignore(path + "." + entry.getKey());
                reader.requireValidEntry(path, entry.getKey(), entry.getValue(), false);
            }
        }
    }
}
