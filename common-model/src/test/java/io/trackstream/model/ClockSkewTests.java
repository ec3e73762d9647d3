package io.trackstream.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.trackstream.model.Samples.CODEC;
import static io.trackstream.model.Samples.RECEIVED_AT;
import static io.trackstream.model.Samples.quoted;
import static org.assertj.core.api.Assertions.assertThat;

/** Received at 10:31:00.000; the event happened at 10:30:45.120 by the client's clock. */
class ClockSkewTests {

    private static UserActivityEvent decodeSentAt(String sentAt) {
        return decode("2024-01-15T10:30:45.120Z", sentAt);
    }

    private static UserActivityEvent decode(String timestamp, String sentAt) {
        EventCodec.Decoded decoded = decode(CODEC, timestamp, sentAt);
        assertThat(decoded.violations()).isEmpty();
        return decoded.event();
    }

    private static EventCodec.Decoded decode(EventCodec codec, String timestamp, String sentAt) {
        Map<String, String> fields = Samples.validFields();
        fields.put("timestamp", quoted(timestamp));
        fields.put("sent_at", quoted(sentAt));
        return codec.decodeClient(Samples.json(fields), RECEIVED_AT);
    }

    @Test
    void shiftsTimestampByTheClockDifferenceAboveTheThreshold() {
        // the client's clock is one hour behind
        UserActivityEvent event = decode("2024-01-15T09:30:45.120Z", "2024-01-15T09:31:00Z");

        assertThat(event.timestamp()).isEqualTo(Instant.parse("2024-01-15T10:30:45.120Z"));
        assertThat(event.clientTimestamp()).isEqualTo(Instant.parse("2024-01-15T09:30:45.120Z"));
        assertThat(event.clockSkewMs()).isEqualTo(3_600_000L);
        assertThat(event.sentAt()).isEqualTo(Instant.parse("2024-01-15T09:31:00Z"));
    }

    @Test
    void shiftsBackwardsWhenTheClientClockIsAhead() {
        UserActivityEvent event = decodeSentAt("2024-01-15T10:31:05.001Z");

        assertThat(event.clockSkewMs()).isEqualTo(-5_001L);
        assertThat(event.timestamp()).isEqualTo(Instant.parse("2024-01-15T10:30:40.119Z"));
    }

    @Test
    void leavesTimestampAloneAtTheThreshold() {
        UserActivityEvent event = decodeSentAt("2024-01-15T10:30:55Z");

        assertThat(event.timestamp()).isEqualTo(Instant.parse("2024-01-15T10:30:45.120Z"));
        assertThat(event.clientTimestamp()).isNull();
        assertThat(event.clockSkewMs()).isNull();
    }

    @Test
    void leavesTimestampAloneBelowTheThreshold() {
        UserActivityEvent event = decodeSentAt("2024-01-15T10:30:58Z");

        assertThat(event.clockSkewMs()).isNull();
        assertThat(event.timestamp()).isEqualTo(Instant.parse("2024-01-15T10:30:45.120Z"));
    }

    @Test
    void leavesTimestampAloneWithoutSentAt() {
        UserActivityEvent event = CODEC.decodeClient(Samples.json(Samples.validFields()), RECEIVED_AT).event();

        assertThat(event.clockSkewMs()).isNull();
        assertThat(event.clientTimestamp()).isNull();
    }

    @Test
    void checksTheFutureBoundAfterCorrection() {
        // 20 minutes ahead by the server clock, but the client's clock is 20 minutes fast
        Map<String, String> fields = Samples.validFields();
        fields.put("timestamp", quoted("2024-01-15T10:51:00Z"));
        fields.put("sent_at", quoted("2024-01-15T10:51:00Z"));

        EventCodec.Decoded decoded = CODEC.decodeClient(Samples.json(fields), RECEIVED_AT);

        assertThat(decoded.violations()).isEmpty();
        assertThat(decoded.event().timestamp()).isEqualTo(RECEIVED_AT);
    }

    @Test
    void rejectsAFutureTimestampThatCorrectionDoesNotExplain() {
        assertThat(decode(CODEC, "2024-01-15T11:00:00Z", "2024-01-15T10:30:58Z").violations())
                .extracting(Violation::field).containsExactly("timestamp");
    }

    @Test
    void ignoresServerOwnedFieldsSentByTheClient() {
        Map<String, String> fields = Samples.validFields();
        fields.put("received_at", quoted("2020-01-01T00:00:00Z"));
        fields.put("client_timestamp", quoted("2020-01-01T00:00:00Z"));
        fields.put("clock_skew_ms", "12345");

        EventCodec.Decoded decoded = CODEC.decodeClient(Samples.json(fields), RECEIVED_AT);

        assertThat(decoded.violations()).isEmpty();
        assertThat(decoded.event().receivedAt()).isEqualTo(RECEIVED_AT);
        assertThat(decoded.event().clientTimestamp()).isNull();
        assertThat(decoded.event().clockSkewMs()).isNull();
        assertThat(decoded.ignoredFields()).containsExactly("received_at", "client_timestamp", "clock_skew_ms");
    }

    @Test
    void correctsUpToADayOfSkew() {
        UserActivityEvent event = decode("2024-01-14T10:30:45.120Z", "2024-01-14T10:31:00Z");

        assertThat(event.clockSkewMs()).isEqualTo(86_400_000L);
        assertThat(event.timestamp()).isEqualTo(Instant.parse("2024-01-15T10:30:45.120Z"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2024-01-16T10:31:00.001Z", "2024-01-14T10:30:59.999Z", "9999-12-31T23:59:59.000Z",
            "1970-01-01T00:00:00Z", "0000-01-01T00:00:00Z"})
    void rejectsASentAtFurtherOffThanADayRatherThanMovingTheEventByIt(String sentAt) {
        assertThat(decode(CODEC, "2024-01-15T10:30:45.120Z", sentAt).violations()).singleElement()
                .satisfies(v -> {
                    assertThat(v.field()).isEqualTo("sent_at");
                    assertThat(v.error()).contains("within 24 hours");
                });
    }

    @Test
    void rejectsABatchSentAtBeyondTheYearsAnInstantInMillisecondsHolds() {
        EventCodec.Decoded decoded = CODEC.decodeClient(CODEC.mapper().readTree(Samples.json(Samples.validFields())),
                RECEIVED_AT, java.time.OffsetDateTime.MAX.toInstant());

        assertThat(decoded.violations()).extracting(Violation::field).containsExactly("sent_at");
    }

    @Test
    void appliesTheCorrectionLimitOfTheConfiguredPolicy() {
        EventCodec strict = EventCodec.create(new IntakePolicy(Duration.ofMinutes(5), Duration.ofSeconds(5),
                Duration.ofMinutes(10), 32 * 1024));

        assertThat(decode(strict, "2024-01-15T10:30:45.120Z", "2024-01-15T10:20:59Z").violations())
                .extracting(Violation::field).containsExactly("sent_at");
    }

    @Test
    void rejectsATimestampThatCorrectionMovesBeforeTheEpoch() {
        assertThat(decode(CODEC, "1970-01-01T00:00:01Z", "2024-01-15T11:31:00Z").violations()).singleElement()
                .satisfies(v -> {
                    assertThat(v.field()).isEqualTo("timestamp");
                    assertThat(v.error()).contains("1970-01-01");
                });
    }
}
