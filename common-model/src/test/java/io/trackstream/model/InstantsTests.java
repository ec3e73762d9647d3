package io.trackstream.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The one parser and writer of instants: zoned ISO-8601 in, UTC with milliseconds out, years 0000-9999. */
class InstantsTests {

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
