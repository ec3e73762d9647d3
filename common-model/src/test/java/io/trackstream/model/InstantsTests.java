package io.trackstream.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one parser and writer of instants: zoned ISO-8601 in, UTC with milliseconds out, years
 * 0000-9999; its direct reader of the canonical shape agrees with the general parser, and its
 * direct writer with the pattern.
 */
class InstantsTests {

    @Test
    void readsTheCanonicalShapeExactlyAsTheGeneralParserDoes() {
        Random random = new Random(17);
        Instant min = Instant.parse("0000-01-01T00:00:00Z");
        Instant max = Instant.parse("9999-12-31T23:59:59.999Z");
        long span = max.toEpochMilli() - min.toEpochMilli();
        for (int i = 0; i < 20_000; i++) {
            Instant instant = min.plusMillis((long) (random.nextDouble() * span));
            String canonical = Instants.format(instant);
            assertThat(Instants.parseCanonical(canonical)).as(canonical).isEqualTo(general(canonical));
            String whole = canonical.substring(0, 19) + "Z";
            assertThat(Instants.parseCanonical(whole)).as(whole).isEqualTo(general(whole));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2023-02-29T10:00:00.000Z", "2024-04-31T10:00:00.000Z", "2024-13-01T10:00:00.000Z",
            "2024-01-15T24:00:00.000Z", "2024-01-15T10:60:00.000Z", "2024-01-15T10:00:60.000Z",
            "2024-01-15T10:30:45.12Z", "2024-01-15t10:30:45.120Z", "2024-01-15T10:30:45.120z",
            "2024-01-15T10:30:45.120+00:00", "+2024-01-15T10:30:45Z", "2024-01-15T10:3a:45.120Z", "2024-01-15 10:30:45.120Z"})
    void leavesEverythingElseToTheGeneralParser(String text) {
        assertThat(Instants.parseCanonical(text)).isNull();
        Instant general = general(text);
        assertThat(Instants.parse(text)).isEqualTo(general == null ? null : general.truncatedTo(ChronoUnit.MILLIS));
    }

    @Test
    void writesWhatThePatternWrites() {
        DateTimeFormatter pattern = DateTimeFormatter.ofPattern(Instants.PATTERN).withZone(ZoneOffset.UTC);
        Random random = new Random(23);
        Instant min = Instant.parse("-0100-01-01T00:00:00Z");
        Instant max = Instant.parse("+10100-12-31T23:59:59.999999999Z");
        long span = max.getEpochSecond() - min.getEpochSecond();
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(min.getEpochSecond() + (long) (random.nextDouble() * span), random.nextInt(1_000_000_000));
            assertThat(Instants.format(instant)).as("%s", instant).isEqualTo(pattern.format(instant));
        }
        for (String edge : List.of("0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "1970-01-01T00:00:00Z",
                "1969-12-31T23:59:59.999Z", "-0001-12-31T23:59:59.999Z", "+10000-01-01T00:00:00Z")) {
            Instant instant = Instant.parse(edge);
            assertThat(Instants.format(instant)).as(edge).isEqualTo(pattern.format(instant));
        }
    }

    private static Instant general(String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "2024-01-15T10:30:45.120Z,          2024-01-15T10:30:45.120Z",
            "2024-01-15T10:30:45Z,              2024-01-15T10:30:45Z",
            "2024-01-15T10:30:45.123456+05:30,  2024-01-15T05:00:45.123Z",
            "2024-01-15t10:30:45.120z,          2024-01-15T10:30:45.120Z",
            "2024-02-29T23:59:59.999Z,          2024-02-29T23:59:59.999Z",
            "0000-01-01T00:00:00.000Z,          0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999Z,          9999-12-31T23:59:59.999Z"})
    void readsZonedDateTimesAsUtcMilliseconds(String text, String expected) {
        assertThat(Instants.parse(text)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"", "2024-01-15", "2024-01-15T10:30:45", "2024-01-15 10:30:45Z", "2023-02-29T10:00:00Z",
            "2024-04-31T10:00:00Z", "2024-01-15T24:00:00Z", "2024-01-15T10:60:00Z", "+10000-01-01T00:00:00Z",
            "+999999999-12-31T23:59:59Z", "-0001-12-31T23:59:59Z", "9999-12-31T23:59:59.999-01:00", "yesterday"})
    void refusesEverythingElse(String text) {
        assertThat(Instants.parse(text)).isNull();
    }

    @Test
    void refusesNull() {
        assertThat(Instants.parse(null)).isNull();
    }

    @Test
    void writesUtcWithExactlyThreeFractionDigits() {
        assertThat(Instants.format(Instant.parse("2024-01-15T10:30:45.12Z"))).isEqualTo("2024-01-15T10:30:45.120Z");
        assertThat(Instants.format(Instant.parse("2024-01-15T10:30:45Z"))).isEqualTo("2024-01-15T10:30:45.000Z");
        assertThat(Instants.format(Instant.parse("2024-01-15T10:30:45.123999Z"))).isEqualTo("2024-01-15T10:30:45.123Z");
        assertThat(Instants.format(Instant.parse("0000-01-01T00:00:00Z"))).isEqualTo("0000-01-01T00:00:00.000Z");
    }

    @Test
    void readsBackWhatItWrites() {
        Instant instant = Instant.parse("1969-12-31T23:59:59.999Z");
        assertThat(Instants.parse(Instants.format(instant))).isEqualTo(instant);
    }
}
