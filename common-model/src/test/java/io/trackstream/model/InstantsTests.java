package io.trackstream.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
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
 * The direct reader of the canonical shape agrees with the general ISO-8601 parser it shortcuts, and
 * the direct writer with the pattern formatter it replaces.
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
            String text = DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
            String canonical = text.length() == 20 ? text : text.substring(0, 19) + "." + (text.substring(20, text.length() - 1) + "000").substring(0, 3) + "Z";
            assertThat(Instants.parseCanonical(canonical)).as(canonical).isEqualTo(general(canonical));
        }
    }

    @Test
    void writesWhatThePatternFormatterWrites() {
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
                "1969-12-31T23:59:59.999Z", "2024-02-29T12:00:00.001Z", "-0001-12-31T23:59:59.999Z", "+10000-01-01T00:00:00Z")) {
            Instant instant = Instant.parse(edge);
            assertThat(Instants.format(instant)).as(edge).isEqualTo(pattern.format(instant));
        }
        assertThat(Instants.format(Instant.parse("2024-01-15T10:30:45.12Z"))).isEqualTo("2024-01-15T10:30:45.120Z");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2024-02-29T23:59:59.999Z", "2024-12-31T00:00:00Z", "0000-01-01T00:00:00.000Z",
            "9999-12-31T23:59:59.999Z", "1970-01-01T00:00:00.000Z"})
    void readsBoundaryDatesOfTheCanonicalShape(String text) {
        assertThat(Instants.parseCanonical(text)).isEqualTo(general(text));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2023-02-29T10:00:00.000Z", "2024-04-31T10:00:00.000Z", "2024-13-01T10:00:00.000Z",
            "2024-01-15T24:00:00.000Z", "2024-01-15T10:60:00.000Z", "2024-01-15T10:00:60.000Z",
            "2024-01-15T10:30:45.12Z", "2024-01-15t10:30:45.120Z", "2024-01-15T10:30:45.120z",
            "2024-01-15T10:30:45.120+00:00", "+2024-01-15T10:30:45Z", "2024-01-15T10:3a:45.120Z", "2024-01-15 10:30:45.120Z"})
    void leavesEverythingElseToTheGeneralParser(String text) {
        assertThat(Instants.parseCanonical(text)).isNull();
        // ... which still accepts what ISO-8601 allows and refuses what it does not
        Instant general = general(text);
        assertThat(Instants.parse(text)).isEqualTo(general == null ? null : general.truncatedTo(ChronoUnit.MILLIS));
    }

    private static Instant general(String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
