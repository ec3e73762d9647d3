package io.trackstream.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static io.trackstream.model.Samples.decodeWith;
import static io.trackstream.model.Samples.quoted;
import static org.assertj.core.api.Assertions.assertThat;

class TimestampRulesTests {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "2024-01-15T10:30:45Z,                  2024-01-15T10:30:45.000Z",
            "2024-01-15T16:00:45+05:30,             2024-01-15T10:30:45.000Z",
            "2024-01-15T05:30:45-05:00,             2024-01-15T10:30:45.000Z",
            "2024-01-15T10:30:45.1Z,                2024-01-15T10:30:45.100Z",
            "2024-01-15T10:30:45.12Z,               2024-01-15T10:30:45.120Z",
            "2024-01-15T10:30:45.123Z,              2024-01-15T10:30:45.123Z",
            "2024-01-15T10:30:45.1239Z,             2024-01-15T10:30:45.123Z",
            "2024-01-15T10:30:45.12399Z,            2024-01-15T10:30:45.123Z",
            "2024-01-15T10:30:45.123999Z,           2024-01-15T10:30:45.123Z",
            "2024-01-15T10:30:45.1239999Z,          2024-01-15T10:30:45.123Z",
            "2024-01-15T10:30:45.12399999Z,         2024-01-15T10:30:45.123Z",
            "2024-01-15T10:30:45.123999999+00:00,   2024-01-15T10:30:45.123Z",
    })
    void normalisesZonedDateTimesToUtcMilliseconds(String sent, Instant expected) {
        EventCodec.Decoded decoded = decodeWith("timestamp", quoted(sent));

        assertThat(decoded.violations()).isEmpty();
        assertThat(decoded.event().timestamp()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\"2024-01-15T10:30:45\"", "\"2024-01-15T10:30:45.120\"", "\"2024-01-15\"",
            "\"2024-01-15 10:30:45Z\"", "\"2024-01-15T10:30:45+0530\"", "\"15/01/2024 10:30\"",
            "\"2024-02-30T10:30:45Z\"", "\"2024-01-15T10:30:45Z[Europe/Berlin]\"", "\"+12024-01-15T10:30:45Z\"",
            "\"\"", "1705314645120", "1705314645.12", "true", "{}", "[]", "null"})
    void rejectsTimestampsWithoutAZoneAndOtherFormats(String rawJson) {
        assertThat(decodeWith("timestamp", rawJson).violations())
                .extracting(Violation::field).containsExactly("timestamp");
    }

    @Test
    void requiresTimestamp() {
        assertThat(decodeWith("timestamp", null).violations())
                .extracting(Violation::field).containsExactly("timestamp");
    }

    @Test
    void acceptsAnOptionalSentAtInTheSameFormat() {
        EventCodec.Decoded decoded = decodeWith("sent_at", quoted("2024-01-15T10:30:59.5+00:00"));

        assertThat(decoded.violations()).isEmpty();
        assertThat(decoded.event().sentAt()).isEqualTo(Instant.parse("2024-01-15T10:30:59.500Z"));
        assertThat(decodeWith("sent_at", "null").event().sentAt()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\"2024-01-15T10:30:59\"", "\"2024-01-15\"", "1705314659000", "{}"})
    void rejectsSentAtWithoutAZone(String rawJson) {
        assertThat(decodeWith("sent_at", rawJson).violations())
                .extracting(Violation::field).containsExactly("sent_at");
    }

    @Test
    void acceptsTimestampsUpToTheMaximumFutureSkew() {
        // received at 10:31:00, so 10:36:00 is exactly five minutes ahead
        assertThat(decodeWith("timestamp", quoted("2024-01-15T10:36:00Z")).isValid()).isTrue();
    }

    @Test
    void rejectsTimestampsMoreThanTheMaximumFutureSkewAhead() {
        EventCodec.Decoded decoded = decodeWith("timestamp", quoted("2024-01-15T10:36:00.001Z"));

        assertThat(decoded.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("timestamp");
            assertThat(v.error()).contains("300 seconds");
        });
    }

    @Test
    void appliesTheFutureBoundOfTheConfiguredPolicy() {
        EventCodec strict = EventCodec.create(new IntakePolicy(java.time.Duration.ofSeconds(10),
                java.time.Duration.ofSeconds(5), java.time.Duration.ofHours(24), 32 * 1024));

        assertThat(strict.decodeClient(Samples.jsonWith("timestamp", quoted("2024-01-15T10:31:10Z")),
                Samples.RECEIVED_AT).isValid()).isTrue();
        assertThat(strict.decodeClient(Samples.jsonWith("timestamp", quoted("2024-01-15T10:31:11Z")),
                Samples.RECEIVED_AT).violations()).extracting(Violation::field).containsExactly("timestamp");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1969-12-31T23:59:59.999Z", "0000-01-01T00:00:00Z", "1000-06-15T12:00:00Z"})
    void rejectsAnEventTimeBeforeTheEpochAsAKafkaRecordCannotCarryIt(String timestamp) {
        assertThat(decodeWith("timestamp", quoted(timestamp)).violations()).extracting(Violation::field)
                .containsExactly("timestamp");
        String record = "{\"event_id\":\"e\",\"user_id\":\"u\",\"event_type\":\"click\",\"timestamp\":\""
                + timestamp + "\",\"received_at\":\"2024-01-15T10:31:00Z\"}";
        assertThat(Samples.CODEC.decodeRecord(Samples.utf8(record)).violations()).extracting(Violation::field)
                .containsExactly("timestamp");
    }

    @Test
    void acceptsTheEpochItself() {
        assertThat(decodeWith("timestamp", quoted("1970-01-01T00:00:00Z")).violations()).isEmpty();
    }
}
