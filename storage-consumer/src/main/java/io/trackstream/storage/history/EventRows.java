package io.trackstream.storage.history;

import com.datastax.oss.driver.api.core.cql.Row;
import io.trackstream.model.Device;
import io.trackstream.model.EventCodec;
import io.trackstream.model.EventProperties;
import io.trackstream.model.Location;
import io.trackstream.model.UserActivityEvent;
import io.trackstream.storage.TextColumns;

/**
 * Turns a {@code user_events} row back into the event that was accepted. The row was written from an
 * event the codec had judged, so it is rebuilt directly, column by column, rather than judged again:
 * a page of history is read far more often than an event is written. Columns are taken by their
 * index in {@link #COLUMNS}, which spares the driver a name lookup per value, and text from its
 * UTF-8 bytes (see {@link TextColumns}).
 */
final class EventRows {

    /** The columns a history query selects, in the order {@link #toEvent} reads them. */
    static final String COLUMNS = "event_id, user_id, event_type, event_time, sent_at, received_at, session_id,"
            + " page_url, referrer, user_agent, ip_address, properties, device_type, device_os, device_browser,"
            + " country, city, timezone, metadata, client_timestamp, clock_skew_ms";

    static final int EVENT_TYPE = 2;

    private final EventCodec codec;

    EventRows(EventCodec codec) {
        this.codec = codec;
    }

    /**
     * The event of the row.
     *
     * @throws IllegalArgumentException when the stored properties cannot be read back
     */
    UserActivityEvent toEvent(Row row) {
        String properties = text(row, 11);
        return new UserActivityEvent(
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
                properties == null ? null : codec.decodeProperties(properties),
                device(text(row, 12), text(row, 13), text(row, 14)),
                location(text(row, 15), text(row, 16), text(row, 17)),
                text(row, 18),
                row.getInstant(19),
                row.isNull(20) ? null : row.getLong(20));
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
