package io.trackstream.model;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The one reader and writer of instants for every module: an ISO-8601 date-time with an explicit
 * offset, normalised to UTC and truncated to milliseconds, within the four-digit years RFC 3339 can
 * express. Events, batch envelopes and query parameters all read instants here, so they all accept
 * the same texts.
 */
public final class Instants {

    // The range the wire format can write back and read again: four-digit UTC years.
    private static final Instant MIN = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999Z");

    /** The sentence a 400 gives for a text {@link #parse} refuses. */
    public static final String FORMAT_RULE =
            "must be an ISO-8601 date-time with a zone offset (Z or +hh:mm), e.g. 2024-01-15T10:30:45.120Z";

    /** The wire form as a pattern: "X" prints Z for UTC; uuuu keeps the year ISO-8601 compatible. */
    static final String PATTERN = "uuuu-MM-dd'T'HH:mm:ss.SSSX";

    private static final DateTimeFormatter WIRE = DateTimeFormatter.ofPattern(PATTERN).withZone(ZoneOffset.UTC);

    private Instants() {
    }

    /** The wire form, {@code 2024-01-15T10:30:45.120Z}: UTC, exactly three fraction digits, truncated to the millisecond. */
    public static String format(Instant instant) {
        return WIRE.format(instant);
    }

    /** The instant, or null when the text is not a zoned ISO-8601 date-time within years 0000-9999. */
    public static Instant parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            // ISO_OFFSET_DATE_TIME requires the offset, so "2024-01-15T10:30:45" (a local time whose
            // meaning depends on the reader) and "2024-01-15" are both refused; it resolves strictly.
            Instant instant = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            return instant.isBefore(MIN) || instant.isAfter(MAX) ? null : truncate(instant);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static Instant truncate(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
