package io.trackstream.model;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
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

    /**
     * The wire form, {@code 2024-01-15T10:30:45.120Z}: UTC, exactly three fraction digits, truncated
     * to the millisecond. Written char by char for the years 0000-9999 (every instant of a valid
     * event), the pattern for any other: every event written has four instants, and the pattern
     * formatter made the simulator and batch ingest a third slower (bench/results/issue-20-instants.md).
     * InstantsTests holds both ways to the same text.
     */
    public static String format(Instant instant) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        int year = t.getYear();
        if (year < 0 || year > 9999) {
            return WIRE.format(instant);
        }
        char[] c = new char[24];
        put(c, 0, year, 4);
        c[4] = '-';
        put(c, 5, t.getMonthValue(), 2);
        c[7] = '-';
        put(c, 8, t.getDayOfMonth(), 2);
        c[10] = 'T';
        put(c, 11, t.getHour(), 2);
        c[13] = ':';
        put(c, 14, t.getMinute(), 2);
        c[16] = ':';
        put(c, 17, t.getSecond(), 2);
        c[19] = '.';
        put(c, 20, instant.getNano() / 1_000_000, 3);
        c[23] = 'Z';
        return new String(c);
    }

    // `value` as exactly `count` decimal digits at `at`, zero-padded.
    private static void put(char[] c, int at, int value, int count) {
        for (int i = at + count - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** The instant, or null when the text is not a zoned ISO-8601 date-time within years 0000-9999. */
    public static Instant parse(String text) {
        if (text == null) {
            return null;
        }
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
     * The shape {@link #format} writes, {@code 2024-01-15T10:30:45.120Z} (or without the fraction),
     * read directly: every record on the topic and most client events take this path, and the
     * general parser costs several times as much. Any other text, or a field out of range, returns
     * null and is left to the general parser, which decides.
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
        try {
            // LocalDate judges month and day of month (30 February, 31 April) as the general parser does.
            long epochDay = LocalDate.of(year, month, day).toEpochDay();
            return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, millis * 1_000_000L);
        } catch (DateTimeException e) {
            return null;
        }
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

    static Instant truncate(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
