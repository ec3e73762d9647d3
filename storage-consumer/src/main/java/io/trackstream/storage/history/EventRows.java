package io.trackstream.storage.history;

import com.datastax.oss.driver.api.core.cql.Row;
import io.trackstream.model.Device;
import io.trackstream.model.EventCodec;
import io.trackstream.model.EventProperties;
import io.trackstream.model.Location;
import io.trackstream.model.UserActivityEvent;

/**
 * Turns a {@code user_events} row back into the event that was accepted, column by column, by
 * name, through the driver's codecs. The {@code properties} column holds the JSON text the writer
 * stored ({@link EventCodec#encodeProperties}) and is read back with the contract's own
 * {@link EventCodec#decodeProperties}, so the event of a history page is the contract's type and
 * serializes exactly as the event that was accepted.
 */
final class EventRows {

    /** The columns a history query selects. */
    static final String COLUMNS = "event_id, user_id, event_type, event_time, sent_at, received_at, session_id,"
            + " page_url, referrer, user_agent, ip_address, properties, device_type, device_os, device_browser,"
            + " country, city, timezone, metadata, client_timestamp, clock_skew_ms";

    private EventRows() {
    }

    static String eventType(Row row) {
        return row.getString("event_type");
    }

    /**
     * The event of the row.
     *
     * @throws IllegalArgumentException when the stored properties are not a properties object of the
     *         contract (a row written by something other than this service)
     */
    static UserActivityEvent toEvent(Row row, EventCodec codec) {
        String properties = row.getString("properties");
        EventProperties decoded;
        try {
            decoded = properties == null ? null : codec.decodeProperties(properties);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the stored properties of event " + row.getString("event_id")
                    + " cannot be read: " + e.getMessage(), e);
        }
        return new UserActivityEvent(
                row.getString("event_id"),
                row.getString("user_id"),
                row.getString("event_type"),
                row.getInstant("event_time"),
                row.getInstant("sent_at"),
                row.getInstant("received_at"),
                row.getString("session_id"),
                row.getString("page_url"),
                row.getString("referrer"),
                row.getString("user_agent"),
                row.getString("ip_address"),
                decoded,
                // The event constructor turns a device or location without any component into none.
                new Device(row.getString("device_type"), row.getString("device_os"), row.getString("device_browser")),
                new Location(row.getString("country"), row.getString("city"), row.getString("timezone")),
                row.getString("metadata"),
                row.getInstant("client_timestamp"),
                row.isNull("clock_skew_ms") ? null : row.getLong("clock_skew_ms"));
    }
}
