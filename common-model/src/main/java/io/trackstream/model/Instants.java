package io.trackstream.model;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Instants as the contract reads them: an ISO-8601 date-time with an explicit offset, normalised to
 * UTC and truncated to milliseconds, within the four-digit years RFC 3339 can express.
 */
final class Instants {

    // The range the wire format can write back and read again: four-digit UTC years.
    private static final Instant MIN = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999Z");

    static final String FORMAT_RULE =
            "must be an ISO-8601 date-time with a zone offset (Z or +hh:mm), e.g. 2024-01-15T10:30:45.120Z";

    private Instants() {
    }

    static Instant truncate(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }

    /** The instant, or null when the text is not a zoned ISO-8601 date-time within years 0000-9999. */
    static Instant parse(String text) {
        Instant canonical = parseCanonical(text);
        if (canonical != null) {
            return canonical;
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

    /**
     * The shape the codec writes, {@code 2024-01-15T10:30:45.120Z} (or without the fraction), read
     * directly: every record on the topic and most client events take this path, and the general
     * parser costs several times as much. Any other text, or a field out of range, returns null
     * and is left to the general parser, which decides (and words the error) as before.
     */
    static Instant parseCanonical(String text) {
        int length = text.length();
        if ((length != 24 && length != 20) || text.charAt(length - 1) != 'Z'
                || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || (length == 24 && text.charAt(19) != '.')) {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        int millis = length == 24 ? digits(text, 20, 3) : 0;
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || millis < 0) {
            return null;
        }
        long epochDay;
        try {
            // LocalDate judges month and day of month (30 February, 31 April) as the general parser does.
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return null;
        }
        long epochSecond = epochDay * 86_400 + hour * 3_600L + minute * 60L + second;
        return Instant.ofEpochSecond(epochSecond, millis * 1_000_000L);
    }

    // The value of `count` ASCII digits at `from`, or -1 when any of them is not a digit.
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
