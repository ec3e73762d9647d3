package io.trackstream.storage.history;

import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.type.codec.TypeCodecs;
import io.trackstream.model.Device;
import io.trackstream.model.Location;
import io.trackstream.storage.TextColumns;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.json.JsonFactory;

import java.nio.ByteBuffer;
import java.time.Instant;

/**
 * Turns a {@code user_events} row back into the event that was accepted. The row was written from an
 * event the codec had judged, so it is rebuilt directly, column by column, rather than judged again:
 * a page of history is read far more often than an event is written. Columns are taken by their
 * index in {@link #COLUMNS}, which spares the driver a name lookup per value, text from its UTF-8
 * bytes (see {@link TextColumns}) and timestamps through their codec, not the driver's registry
 * (which looks the codec up, and builds a trace message, for every value). The stored properties
 * text goes out as it is (see {@link HistoryEvent}); it is only checked to be one JSON object, so
 * that a row written by something other than this service cannot break the JSON of a whole page.
 */
final class EventRows {

    /** The columns a history query selects, in the order {@link #toEvent} reads them. */
    static final String COLUMNS = "event_id, user_id, event_type, event_time, sent_at, received_at, session_id,"
            + " page_url, referrer, user_agent, ip_address, properties, device_type, device_os, device_browser,"
            + " country, city, timezone, metadata, client_timestamp, clock_skew_ms";

    static final int EVENT_TYPE = 2;

    // Only the shape is checked, so not with the contract's mapper: its duplicate-key detection and
    // the per-parser child table of canonical names were a quarter of what the request threads
    // allocated for a history page.
    private static final JsonFactory SHAPE = JsonFactory.builder()
            .disable(TokenStreamFactory.Feature.CANONICALIZE_PROPERTY_NAMES)
            .build();

    private EventRows() {
    }

    /**
     * The event of the row.
     *
     * @throws IllegalArgumentException when the stored properties are not a JSON object
     */
    static HistoryEvent toEvent(Row row) {
        ByteBuffer propertiesUtf8 = row.getBytesUnsafe(11);
        if (propertiesUtf8 != null && !isJsonObject(propertiesUtf8)) {
            throw new IllegalArgumentException("the stored properties of event " + text(row, 0) + " are not a JSON object");
        }
        return new HistoryEvent(
                text(row, 0),
                text(row, 1),
                text(row, EVENT_TYPE),
                instant(row, 3),
                instant(row, 4),
                instant(row, 5),
                text(row, 6),
                text(row, 7),
                text(row, 8),
                text(row, 9),
                text(row, 10),
                TextColumns.decode(propertiesUtf8),
                device(text(row, 12), text(row, 13), text(row, 14)),
                location(text(row, 15), text(row, 16), text(row, 17)),
                text(row, 18),
                instant(row, 19),
                row.isNull(20) ? null : row.getLong(20));
    }

    /** Whether the UTF-8 text is exactly one JSON object. */
    static boolean isJsonObject(ByteBuffer utf8) {
        // The driver hands out heap buffers; a direct one (another codec set-up) goes through a copy.
        ByteBuffer bytes = utf8.hasArray() ? utf8 : TextColumns.encode(TextColumns.decode(utf8));
        try (JsonParser parser = SHAPE.createParser(ObjectReadContext.empty(), bytes.array(),
                bytes.arrayOffset() + bytes.position(), bytes.remaining())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (JacksonException e) {
            return false;
        }
    }

    private static Instant instant(Row row, int index) {
        return TypeCodecs.TIMESTAMP.decode(row.getBytesUnsafe(index), row.protocolVersion());
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
