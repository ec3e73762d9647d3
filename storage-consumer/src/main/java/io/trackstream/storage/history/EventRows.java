package io.trackstream.storage.history;

import com.datastax.oss.driver.api.core.cql.Row;
import io.trackstream.model.Device;
import io.trackstream.model.EventCodec;
import io.trackstream.model.EventProperties;
import io.trackstream.model.Location;
import io.trackstream.model.UserActivityEvent;

/**
 * Turns a {@code user_events} row back into the event that was accepted. The row was written from an
 * event the codec had judged, so it is rebuilt directly, column by column, rather than judged again:
 * a page of history is read far more often than an event is written. Columns are taken by their
 * index in {@link #COLUMNS}, which spares the driver a name lookup per value.
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
        String properties = row.getString(11);
        return new UserActivityEvent(
                row.getString(0),
                row.getString(1),
                row.getString(EVENT_TYPE),
                row.getInstant(3),
                row.getInstant(4),
                row.getInstant(5),
                row.getString(6),
                row.getString(7),
                row.getString(8),
                row.getString(9),
                row.getString(10),
                properties == null ? null : codec.decodeProperties(properties),
                device(row.getString(12), row.getString(13), row.getString(14)),
                location(row.getString(15), row.getString(16), row.getString(17)),
                row.getString(18),
                row.getInstant(19),
                row.isNull(20) ? null : row.getLong(20));
    }

    // An event without any device or location field had none: null, not an empty object.
    private static Device device(String type, String os, String browser) {
        return type == null && os == null && browser == null ? null : new Device(type, os, browser);
    }

    private static Location location(String country, String city, String timezone) {
        return country == null && city == null && timezone == null ? null : new Location(country, city, timezone);
    }
}
