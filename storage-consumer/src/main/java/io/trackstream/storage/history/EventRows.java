package io.trackstream.storage.history;

import com.datastax.oss.driver.api.core.cql.Row;
import io.trackstream.model.Device;
import io.trackstream.model.Location;
import io.trackstream.storage.TextColumns;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a {@code user_events} row back into the event that was accepted. The row was written from an
 * event the codec had judged, so it is rebuilt directly, column by column, rather than judged again:
 * a page of history is read far more often than an event is written. Columns are taken by their
 * index in {@link #COLUMNS}, which spares the driver a name lookup per value, and text from its
 * UTF-8 bytes (see {@link TextColumns}). The stored properties text goes out as it is (see
 * {@link HistoryEvent}); it is only checked to be one JSON object, so that a row written by something
 * other than this service cannot break the JSON of a whole page.
 */
final class EventRows {

    /** The columns a history query selects, in the order {@link #toEvent} reads them. */
    static final String COLUMNS = "event_id, user_id, event_type, event_time, sent_at, received_at, session_id,"
            + " page_url, referrer, user_agent, ip_address, properties, device_type, device_os, device_browser,"
            + " country, city, timezone, metadata, client_timestamp, clock_skew_ms";

    static final int EVENT_TYPE = 2;

    private final JsonMapper mapper;

    EventRows(JsonMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * The event of the row.
     *
     * @throws IllegalArgumentException when the stored properties are not a JSON object
     */
    HistoryEvent toEvent(Row row) {
        String properties = text(row, 11);
        if (properties != null && !isJsonObject(properties)) {
            throw new IllegalArgumentException("the stored properties of event " + text(row, 0) + " are not a JSON object");
        }
        return new HistoryEvent(
                text(row, 0),
                text(row, 1),
                text(row, EVENT_TYPE),
                row.getInstant(3),
                row.getInstant(4),
                row.getInstant(5),
                text(row, 6),
                text(row, 7),
                text(row, 8),
                text(row, 9),
                text(row, 10),
                properties,
                device(text(row, 12), text(row, 13), text(row, 14)),
                location(text(row, 15), text(row, 16), text(row, 17)),
                text(row, 18),
                row.getInstant(19),
                row.isNull(20) ? null : row.getLong(20));
    }

    boolean isJsonObject(String json) {
        try (JsonParser parser = mapper.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (JacksonException e) {
            return false;
        }
    }

    static String text(Row row, int index) {
        return TextColumns.decode(row.getBytesUnsafe(index));
    }

    // An event without any device or location field had none: null, not an empty object.
    private static Device device(String type, String os, String browser) {
        return type == null && os == null && browser == null ? null : new Device(type, os, browser);
    }

    private static Location location(String country, String city, String timezone) {
        return country == null && city == null && timezone == null ? null : new Location(country, city, timezone);
    }
}
